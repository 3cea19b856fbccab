import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { workerUrl } from '../../src/node/workers/workerUrl.ts'
import { REPO_ROOT } from '../helpers/runCli.ts'

// A worker thread runs JavaScript with Node's own loader: the compiled module beside the caller in
// the package, the caller's compiled twin in dist/ when the caller runs from the sources.

const url = (path: string): string => pathToFileURL(join(REPO_ROOT, path)).href

describe('workerUrl', () => {
  it('should be the module beside a compiled caller', () => {
    expect(workerUrl('./parseWorker.js', url('dist/node/workers/parseInWorkers.js')).href).toBe(url('dist/node/workers/parseWorker.js'))
  })

  it('should be the compiled twin in dist/ of a caller running from src/', () => {
    expect(workerUrl('./parseWorker.js', url('src/node/workers/parseInWorkers.ts')).href).toBe(url('dist/node/workers/parseWorker.js'))
    expect(workerUrl('./renderWorker.js', url('src/node/workers/renderInWorkers.ts')).href).toBe(url('dist/node/workers/renderWorker.js'))
    expect(workerUrl('./vitepressBuildWorker.js', url('src/node/site/runVitepressBuild.ts')).href).toBe(url('dist/node/site/vitepressBuildWorker.js'))
  })

  it('should refuse a twin that was never compiled rather than let every job fall back to this thread', () => {
    expect(() => workerUrl('./noSuchWorker.js', url('src/node/workers/parseInWorkers.ts'))).toThrow(
      `${join(REPO_ROOT, 'dist/node/workers/noSuchWorker.js')} is missing: run \`npm run build\` (workers run the compiled code)`,
    )
  })
})
