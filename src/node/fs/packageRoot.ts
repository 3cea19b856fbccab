import { fileURLToPath } from 'node:url'

/** The folder shiplog itself is installed in (holds the bundled `templates/` and `site/`). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../..', import.meta.url))
