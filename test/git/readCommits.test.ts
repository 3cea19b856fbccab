import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ShiplogError } from '../../src/core/errors.ts'
import { MAX_COMMITS, readCommits } from '../../src/node/git/readCommits.ts'
import { ReadCommitsError } from '../../src/node/git/ReadCommitsError.ts'

const ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' }

function git(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], { cwd, env: { ...ENV, ...env }, encoding: 'utf8' }).trim()
}

/** Commits with fixed author and committer dates and identity. */
function commit(cwd: string, subject: string, authored: string, committed: string, author = 'Ana Ruiz'): string {
  git(cwd, ['-c', `user.name=${author}`, '-c', 'user.email=dev@example.com', 'commit', '-q', '--allow-empty', '-m', subject], {
    GIT_AUTHOR_DATE: authored,
    GIT_COMMITTER_DATE: committed,
  })
  return git(cwd, ['rev-parse', 'HEAD'])
}

async function failure(promise: Promise<unknown>): Promise<ReadCommitsError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof ReadCommitsError) return error
    throw error
  }
  throw new Error('expected a ReadCommitsError')
}

describe('readCommits', () => {
  let tmp: string
  let repo: string
  const shas: string[] = []

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'shiplog-commits-'))
    repo = join(tmp, 'repo')
    mkdirSync(repo)
    git(repo, ['init', '-q', '-b', 'main'])
    shas.push(commit(repo, 'chore: initial commit', '2026-03-01T09:00:00+01:00', '2026-03-01T09:00:00+01:00'))
    git(repo, ['tag', 'v1.0.0'])
    shas.push(commit(repo, 'feat(cart): saved carts', '2026-03-02T10:00:00+10:00', '2026-03-02T23:45:00+10:00'))
    shas.push(commit(repo, 'fix: handle `|` and “quotes” in titles', '2026-03-03T08:00:00-05:00', '2026-03-03T08:30:00-05:00', 'Lee Kim'))
  })

  afterAll(() => {
    rmSync(tmp, { recursive: true, force: true })
  })

  it('should list the commits of a range, newest first, with the committer date and its offset', async () => {
    const commits = await readCommits(repo, 'v1.0.0..HEAD')
    expect(commits.map(({ title, committed_at, author }) => ({ title, committed_at, author }))).toEqual([
      { title: 'fix: handle `|` and “quotes” in titles', committed_at: '2026-03-03T08:30:00-05:00', author: 'Lee Kim' },
      // the committer date (23:45), not the author date (10:00), as written with its +10:00 offset
      { title: 'feat(cart): saved carts', committed_at: '2026-03-02T23:45:00+10:00', author: 'Ana Ruiz' },
    ])
    // `id` is the abbreviated sha
    expect(shas[2]?.startsWith(commits[0]?.id ?? '-')).toBe(true)
    expect(commits[0]?.id.length).toBeGreaterThanOrEqual(7)
  })

  it('should read a single ref as its whole history', async () => {
    expect((await readCommits(repo, 'v1.0.0')).map((c) => c.title)).toEqual(['chore: initial commit'])
  })

  it('should return no commits for an empty range', async () => {
    expect(await readCommits(repo, 'HEAD..HEAD')).toEqual([])
  })

  it('should reject an invalid range with a clear error', async () => {
    const error = await failure(readCommits(repo, 'v9.9.9..HEAD'))
    expect(error.code).toBe('invalid-range')
    expect(error.message).toMatch(/^Unexpected revision range `v9\.9\.9\.\.HEAD`: .*expected a range like `v1\.2\.0\.\.HEAD`$/)
    expect(error).toBeInstanceOf(ShiplogError)
    expect(error.exitCode).toBe(1)
  })

  it('should never pass a range starting with `-` to git as an option', async () => {
    const error = await failure(readCommits(repo, '--output=/tmp/pwned'))
    expect(error.code).toBe('invalid-range')
  })

  it('should report a folder that is not a repository, or does not exist', async () => {
    const plain = join(tmp, 'plain')
    mkdirSync(plain)
    expect((await failure(readCommits(plain, 'HEAD'))).code).toBe('not-a-repository')
    expect((await failure(readCommits(join(tmp, 'missing'), 'HEAD'))).code).toBe('not-a-repository')
  })

  it('should refuse a range of more commits than one record can list, reading no more than one past the limit', async () => {
    // The repository has 3 commits: HEAD is the whole history.
    expect(await readCommits(repo, 'HEAD', { maxCommits: 3 })).toHaveLength(3)
    const error = await failure(readCommits(repo, 'HEAD', { maxCommits: 2 }))
    expect(error.code).toBe('invalid-range')
    expect(error.message).toBe('Unexpected revision range `HEAD` of more than 2 commits, expected the commits of one release (a range like `v1.2.0..HEAD`)')
    expect(MAX_COMMITS).toBe(5_000)
  })

  it('should say which folder is outside any git repository', async () => {
    const plain = join(tmp, 'elsewhere')
    mkdirSync(plain)
    const error = await failure(readCommits(plain, 'HEAD'))
    expect(error.message).toMatch(/^Unexpected folder .*elsewhere outside any git repository \(.*\), expected a project inside a git repository to read commits from$/)
  })

  it('should report a missing git', async () => {
    const error = await failure(readCommits(repo, 'HEAD', { git: join(tmp, 'no-such-git') }))
    expect(error.code).toBe('git-not-found')
    expect(error.message).toMatch(/expected git to be installed and on the PATH/)
  })
})
