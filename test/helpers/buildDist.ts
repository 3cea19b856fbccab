import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { REPO_ROOT } from './runCli.ts'

/**
 * The suite's global set-up (vitest.config.ts): the tests import `src/` directly, but the binary
 * they spawn (`bin/shiplog.js`) and every worker thread run the compiled `dist/`. Compiles it
 * first when it was not built from the sources as they are (scripts/build.js --if-stale), and
 * again before a rerun in watch mode; a failed build fails the run instead of testing stale code.
 */
export default function setup(project: TestProject): void {
  buildIfStale()
  project.onTestsRerun(() => buildIfStale())
}

function buildIfStale(): void {
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/build.js'), '--if-stale'], { cwd: REPO_ROOT, stdio: 'inherit' })
  if (result.status !== 0) throw new Error(`scripts/build.js --if-stale failed (exit code ${result.status ?? result.signal})`)
}
