import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { REPO_ROOT } from './runCli.ts'

/**
 * A module of the compiled package (`dist/`, built before the suite starts), given by its path
 * under `src/` without extension (`node/cache/recordCache`): what the binary and the workers run.
 * Type it with the source module: `compiled<typeof import('../../src/node/cache/recordCache.ts')>(…)`.
 * Tests that share a cache with a spawned binary use it: the caches key their entries on the code
 * that runs, and the binary runs `dist/`, not `src/`.
 */
export async function compiled<Module>(path: string): Promise<Module> {
  return (await import(pathToFileURL(join(REPO_ROOT, 'dist', `${path}.js`)).href)) as Module
}
