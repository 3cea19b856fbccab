import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readRevisions } from '../../src/node/git/readRevisions.ts'

const ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' }

function git(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'user.name=Ana Ruiz', '-c', 'user.email=dev@example.com', ...args], {
    cwd,
    env: { ...ENV, ...env },
    encoding: 'utf8',
  }).trim()
}

function commitAt(cwd: string, committed: string, message: string): void {
  git(cwd, ['add', '-A'])
  git(cwd, ['commit', '-q', '-m', message], { GIT_AUTHOR_DATE: committed, GIT_COMMITTER_DATE: committed })
}

describe('readRevisions', () => {
  let tmp: string
  let project: string

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'shiplog-revisions-'))
    const repo = join(tmp, 'repo')
    project = join(repo, 'proj')
    mkdirSync(join(project, 'releases'), { recursive: true })
    mkdirSync(join(repo, 'other'))
    git(repo, ['init', '-q', '-b', 'main'])
    writeFileSync(join(project, 'releases/a.md'), 'a\n')
    writeFileSync(join(project, 'releases/b.md'), 'b\n')
    commitAt(repo, '2026-03-01T10:00:00+11:00', 'first')
    writeFileSync(join(project, 'releases/a.md'), 'a, edited\n')
    commitAt(repo, '2026-03-05T09:30:00-05:00', 'second')
    writeFileSync(join(project, 'releases/a.md'), 'a, edited again\n')
    writeFileSync(join(repo, 'other/x.md'), 'x\n')
    commitAt(repo, '2026-03-09T12:00:00Z', 'third')
    writeFileSync(join(project, 'releases/new.md'), 'new\n')
  })

  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true })
  })

  it('counts the commits that changed each file and dates the newest', async () => {
    const revisions = await readRevisions(project, ['releases/a.md', 'releases/b.md', 'releases/new.md'])
    // a.md: first, second, third; b.md: first only; new.md: never committed.
    expect(Object.fromEntries(revisions)).toEqual({
      'releases/a.md': { commits: 3, lastUpdated: '2026-03-09T12:00:00+00:00' },
      'releases/b.md': { commits: 1, lastUpdated: '2026-03-01T10:00:00+11:00' },
    })
  })

  it('knows nothing, without an error, when git cannot run', async () => {
    expect((await readRevisions(project, ['releases/a.md'], { git: join(tmp, 'no-such-git') })).size).toBe(0)
  })
})
