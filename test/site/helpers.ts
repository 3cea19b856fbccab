import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REPO_ROOT } from '../helpers/runCli.ts'

export const FIXTURE_PROJECT = join(REPO_ROOT, 'test/fixtures/site/project')
export const HOSTILE_FILES = ['releases/security-lab/hostile.md', 'releases/security-lab/hostile-js.md']

/**
 * Copies the fixture project into a fresh temporary folder (builds write `.shiplog/` and `dist/`
 * into the project) and points the hostile records' `__MARKER__` at a file in it: if any record
 * text ever ran on this machine, that file would exist.
 */
export function copyFixtureProject(options: { hostile?: boolean } = {}): { root: string; marker: string } {
  const root = mkdtempSync(join(tmpdir(), 'shiplog-site-'))
  cpSync(FIXTURE_PROJECT, root, { recursive: true })
  const marker = join(root, 'PWNED-MARKER')
  if (options.hostile === false) {
    rmSync(join(root, 'releases/security-lab'), { recursive: true })
    return { root, marker }
  }
  for (const file of HOSTILE_FILES) {
    const path = join(root, file)
    writeFileSync(path, readFileSync(path, 'utf8').replaceAll('__MARKER__', marker))
  }
  return { root, marker }
}

/** Every file under `dir` (relative paths). */
export function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? listFiles(path, `${prefix}${name}/`) : [`${prefix}${name}`]
  })
}
