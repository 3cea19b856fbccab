import { spawnSync } from 'node:child_process'
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../helpers/runCli.ts'

// In a clone, dist/ is compiled from src/ (scripts/build.js stamps it with a digest of what it was
// compiled from): the binary refuses to run compiled code older than the sources, and
// `build --if-stale` compiles exactly when that is so.

const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version
const roots: string[] = []
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

/** A clone's files needed to build and run shiplog, with this checkout's dist/ and node_modules. */
function clone(): string {
  const root = mkdtempSync(join(tmpdir(), 'shiplog-clone-'))
  roots.push(root)
  for (const path of ['bin', 'scripts', 'src', 'dist', 'package.json', 'tsconfig.json', 'tsconfig.build.json']) cpSync(join(REPO_ROOT, path), join(root, path), { recursive: true })
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir')
  return root
}

function version(root: string): [number | null, string, string] {
  const result = spawnSync(process.execPath, [join(root, 'bin/shiplog.js'), '--version'], { cwd: root, encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL' })
  return [result.status, result.stdout, result.stderr]
}

const STALE: [number, string, string] = [2, '', 'shiplog: dist/ was compiled from other sources than src/ holds: run `npm run build` first\n']

describe('a clone’s dist/', () => {
  it('should run when built from the sources as they are, even once they are saved again unchanged', () => {
    const root = clone()
    expect(version(root)).toEqual([0, `${VERSION}\n`, ''])
    const later = new Date(Date.now() + 60_000)
    utimesSync(join(root, 'src/index.ts'), later, later)
    expect(version(root)).toEqual([0, `${VERSION}\n`, ''])
  }, 60_000)

  it('should be refused once a source changes, a source is added, or it was never stamped', () => {
    const changed = clone()
    appendFileSync(join(changed, 'src/core/errors.ts'), '\n// edited\n')
    expect(version(changed)).toEqual(STALE)
    const added = clone()
    writeFileSync(join(added, 'src/core/added.ts'), 'export const added = 1\n')
    expect(version(added)).toEqual(STALE)
    const unstamped = clone()
    rmSync(join(unstamped, 'dist/.build-stamp'))
    expect(version(unstamped)).toEqual([2, '', 'shiplog: dist/ has not been built: run `npm run build` first\n'])
  }, 60_000)

  it('should be compiled again by build --if-stale when a source changed, and not when none did', () => {
    const root = clone()
    const fresh = spawnSync(process.execPath, [join(root, 'scripts/build.js'), '--if-stale'], { cwd: root, encoding: 'utf8', timeout: 60_000 })
    expect([fresh.status, fresh.stdout, fresh.stderr]).toEqual([0, '', ''])
    appendFileSync(join(root, 'src/core/errors.ts'), '\n// edited\n')
    const stale = spawnSync(process.execPath, [join(root, 'scripts/build.js'), '--if-stale'], { cwd: root, encoding: 'utf8', timeout: 300_000 })
    expect(stale.status, stale.stderr).toBe(0)
    expect(stale.stdout).toMatch(/^dist\/ built in \d+\.\d s \(dist\/ was compiled from other sources than src\/ holds\)\n$/)
    expect(readFileSync(join(root, 'dist/core/errors.js'), 'utf8')).toContain('// edited')
    expect(version(root)).toEqual([0, `${VERSION}\n`, ''])
  }, 300_000)
})
