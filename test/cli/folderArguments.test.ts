import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cliTimeout, runCli } from '../helpers/runCli.ts'

// A folder named on the command line stands for the records under it (as eslint reads folders).

const roots: string[] = []
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

const record = (version: string, status: string): string =>
  `---\nrelease: Payments\nversion: "${version}"\ncomponent: payments\nstatus: ${status}\n---\n\n## Work\n\n- [x] Done\n- [ ] Open\n`

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'shiplog-folder-args-'))
  roots.push(root)
  mkdirSync(join(root, 'releases/payments'), { recursive: true })
  mkdirSync(join(root, 'releases/search'), { recursive: true })
  writeFileSync(join(root, 'releases/payments/1.0.0.md'), record('1.0.0', 'planned'))
  writeFileSync(join(root, 'releases/payments/1.1.0.md'), record('1.1.0', 'planned'))
  writeFileSync(join(root, 'releases/payments/README.md'), '# Not a record\n')
  writeFileSync(join(root, 'releases/search/2.0.0.md'), record('2.0.0', 'planned'))
  return root
}

describe('a folder given to status or check', () => {
  it('should read the records under it, once each, and not the folder itself', () => {
    const root = project()
    const run = runCli(['status', '--json', '--no-cache', 'releases/payments', 'releases/payments/1.0.0.md'], { cwd: root })
    expect(run.stderr).toBe('')
    const files = (JSON.parse(run.stdout) as Array<{ file: string; done: number; total: number }>).map((r) => [r.file, r.done, r.total])
    expect(files).toEqual([
      ['releases/payments/1.0.0.md', 1, 2],
      ['releases/payments/1.1.0.md', 1, 2],
    ])
  }, cliTimeout(1))

  it('should refuse a folder outside the releases folder', () => {
    const root = project()
    mkdirSync(join(root, 'docs'))
    const run = runCli(['check', '--no-cache', 'docs'], { cwd: root })
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/^shiplog: Unexpected docs: its real path .*\/docs is outside the releases folder releases\/, expected a record file inside it: not read\n$/)
  }, cliTimeout(1))
})
