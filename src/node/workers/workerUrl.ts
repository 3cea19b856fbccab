import { existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { PACKAGE_ROOT } from '../fs/packageRoot.ts'

/**
 * The module a worker thread starts with: the compiled `name` (a `.js` file) beside `from`, the
 * caller's `import.meta.url`. A worker runs JavaScript with Node's own loader and nothing else, so
 * the compiled package (`dist/`) finds it beside the caller. Run from the sources (the tests import
 * `src/` through Vite), it is the caller's compiled twin in `dist/`: `npm run build` writes it, and
 * the test suite builds `dist/` before it starts when it is older than `src/` (scripts/build.js).
 * Throws when that twin is missing, rather than letting every job fall back to this thread.
 */
export function workerUrl(name: string, from: string): URL {
  const beside = new URL(name, from)
  if (!from.endsWith('.ts')) return beside
  const twin = join(PACKAGE_ROOT, 'dist', relative(join(PACKAGE_ROOT, 'src'), fileURLToPath(beside)))
  if (!existsSync(twin)) throw new Error(`${twin} is missing: run \`npm run build\` (workers run the compiled code)`)
  return pathToFileURL(twin)
}
