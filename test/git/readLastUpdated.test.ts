import { execFileSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readLastUpdated } from '../../src/node/git/readLastUpdated.ts'

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

describe('readLastUpdated', () => {
  let tmp: string
  let project: string

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'shiplog-lastupdated-'))
    const repo = join(tmp, 'repo')
    // The project is a folder inside the repository: paths are relative to it.
    project = join(repo, 'proj')
    mkdirSync(join(project, 'releases'), { recursive: true })
    mkdirSync(join(repo, 'other'))
    git(repo, ['init', '-q', '-b', 'main'])
    writeFileSync(join(project, 'releases/a.md'), 'a\n')
    writeFileSync(join(project, 'releases/b c “d”.md'), 'b\n')
    commitAt(repo, '2026-03-01T10:00:00+11:00', 'first')
    writeFileSync(join(project, 'releases/a.md'), 'a, edited\n')
    commitAt(repo, '2026-03-05T09:30:00-05:00', 'second')
    // A later commit that touches neither record.
    writeFileSync(join(repo, 'other/x.md'), 'x\n')
    commitAt(repo, '2026-03-09T12:00:00Z', 'third')
    // Never committed.
    writeFileSync(join(project, 'releases/new.md'), 'new\n')
  })

  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true })
  })

  it('gives each committed file the committer date of its last commit, as git wrote it', async () => {
    const dates = await readLastUpdated(project, ['releases/a.md', 'releases/b c “d”.md', 'releases/new.md'])
    expect(Object.fromEntries(dates)).toEqual({
      'releases/a.md': '2026-03-05T09:30:00-05:00',
      'releases/b c “d”.md': '2026-03-01T10:00:00+11:00',
    })
  })

  it('runs git once for all the files', async () => {
    const count = join(tmp, 'count')
    const wrapper = join(tmp, 'git-counting')
    writeFileSync(wrapper, `#!/bin/sh\necho run >> "${count}"\nexec git "$@"\n`)
    chmodSync(wrapper, 0o755)
    const dates = await readLastUpdated(project, ['releases/a.md', 'releases/b c “d”.md', 'releases/new.md'], { git: wrapper })
    expect(dates.size).toBe(2)
    expect(readFileSync(count, 'utf8')).toBe('run\n')
  })

  it('gives no dates, and no error, outside a repository or without git', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'shiplog-nogit-'))
    try {
      writeFileSync(join(outside, 'a.md'), 'a\n')
      // A folder that is not in any repository (GIT_CEILING_DIRECTORIES keeps git from looking above it).
      process.env['GIT_CEILING_DIRECTORIES'] = tmpdir()
      expect((await readLastUpdated(outside, ['a.md'])).size).toBe(0)
    } finally {
      delete process.env['GIT_CEILING_DIRECTORIES']
      rmSync(outside, { recursive: true, force: true })
    }
    expect((await readLastUpdated(project, ['releases/a.md'], { git: join(tmp, 'no-such-git') })).size).toBe(0)
  })
})
