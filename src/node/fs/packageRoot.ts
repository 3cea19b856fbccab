import { fileURLToPath } from 'node:url'

/**
 * The folder shiplog itself is installed in (holds `package.json`, the bundled `templates/` and
 * `site/`). The running code lies two folders below it, in `dist/` (the compiled package) or in
 * `src/` (the sources, as the tests run them): `<root>/<dist|src>/node/fs/packageRoot.*`.
 */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../..', import.meta.url))

/** The folder of the running code: `<root>/dist/` when compiled, `<root>/src/` when run from the sources. */
export const CODE_ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** The extension of the running code's modules: `.js` compiled, `.ts` when run from the sources. */
export const CODE_EXTENSION = import.meta.url.endsWith('.ts') ? '.ts' : '.js'
