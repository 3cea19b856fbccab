import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { GitError, listChangedFiles } from '../../src/node/git/listChangedFiles.ts'

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], { cwd, env: GIT_ENV, encoding: 'utf8' })
}

function write(root: string, path: string, text = `# ${path}\n`): void {
  mkdirSync(dirname(join(root, path)), { recursive: true })
  writeFileSync(join(root, path), text)
}

async function failure(promise: Promise<unknown>): Promise<GitError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof GitError) return error
    throw error
  }
  throw new Error('expected a GitError')
}

describe('listChangedFiles', () => {
  let tmp: string
  let repo: string

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'shiplog-changed-'))
    repo = join(tmp, 'repo')
    mkdirSync(repo)
    git(repo, 'init', '-q', '-b', 'main')
    write(repo, 'releases/1.0.0.md')
    write(repo, 'releases/1.1.0.md')
    write(repo, 'releases/README.md')
    write(repo, 'notes.md')
    write(repo, '.gitignore', 'releases/ignored.md\n')
    write(repo, 'sub/releases/0.1.0.md')
    git(repo, 'add', '-A')
    git(repo, 'commit', '-q', '-m', 'base')

    git(repo, 'checkout', '-q', '-b', 'feature')
    write(repo, 'releases/api/2.0.0.md')
    write(repo, 'releases/1.1.0.md', '# changed\n')
    unlinkSync(join(repo, 'releases/1.0.0.md'))
    write(repo, 'releases/_draft.md')
    write(repo, 'releases/.hidden/3.0.0.md')
    write(repo, 'releases/index.md')
    write(repo, 'releases/notes.txt')
    write(repo, 'notes.md', '# changed\n')
    write(repo, 'sub/releases/0.2.0.md')
    git(repo, 'add', '-A')
    git(repo, 'commit', '-q', '-m', 'feature work')

    // main moves on: its new record is not a change of this branch (three-dot diff).
    git(repo, 'checkout', '-q', 'main')
    write(repo, 'releases/9.9.9.md')
    git(repo, 'add', '-A')
    git(repo, 'commit', '-q', '-m', 'main moves on')
    git(repo, 'checkout', '-q', 'feature')

    // Working tree: untracked, staged, ignored, and a branch change deleted again.
    write(repo, 'releases/2.1.0.md')
    write(repo, 'releases/2.2.0.md')
    git(repo, 'add', 'releases/2.2.0.md')
    write(repo, 'releases/ignored.md')
    write(repo, 'releases/api/2.0.0.md', '# edited, not staged\n')
    write(repo, 'releases/api/2.0.1.md')
    git(repo, 'add', 'releases/api/2.0.1.md')
    git(repo, 'commit', '-q', '-m', 'another')
    unlinkSync(join(repo, 'releases/api/2.0.1.md'))
  })

  afterAll(() => {
    rmSync(tmp, { recursive: true, force: true })
  })

  it('should list records changed since the merge base, plus staged, modified and untracked ones', async () => {
    expect(await listChangedFiles(repo, 'main', 'releases')).toEqual([
      'releases/1.1.0.md',
      'releases/2.1.0.md',
      'releases/2.2.0.md',
      'releases/api/2.0.0.md',
    ])
  })

  it('should accept a releases folder written as ./releases/ or as an absolute path', async () => {
    const expected = ['releases/1.1.0.md', 'releases/2.1.0.md', 'releases/2.2.0.md', 'releases/api/2.0.0.md']
    expect(await listChangedFiles(repo, 'main', './releases/')).toEqual(expected)
    expect(await listChangedFiles(repo, 'main', join(repo, 'releases'))).toEqual(expected)
  })

  it('should give paths relative to a project root that is a subfolder of the repository', async () => {
    expect(await listChangedFiles(join(repo, 'sub'), 'main', 'releases')).toEqual(['releases/0.2.0.md'])
  })

  it('should list nothing when the branch has no changes', async () => {
    expect(await listChangedFiles(repo, 'HEAD', 'sub/releases')).toEqual([])
  })

  it('should report a ref that does not exist', async () => {
    const error = await failure(listChangedFiles(repo, 'origin/nope', 'releases'))
    expect(error.code).toBe('unknown-ref')
    expect(error.message).toContain('`origin/nope`: it does not exist')
    expect(error.message).toContain('fetch-depth: 0')
  })

  it('should refuse a ref that git would read as an option', async () => {
    const error = await failure(listChangedFiles(repo, '--output=/tmp/x', 'releases'))
    expect(error.code).toBe('unknown-ref')
  })

  it('should report a folder that is not in a git repository', async () => {
    const plain = join(tmp, 'plain')
    mkdirSync(plain)
    const error = await failure(listChangedFiles(plain, 'main', 'releases'))
    expect(error.code).toBe('not-a-repository')
    expect(error.message).toContain('expected a folder inside a git working tree')
  })

  it('should report a ref with no history in common with HEAD', async () => {
    git(repo, 'checkout', '-q', '--orphan', 'unrelated')
    git(repo, 'commit', '-q', '--allow-empty', '-m', 'unrelated root')
    git(repo, 'checkout', '-q', '-f', 'feature')
    const error = await failure(listChangedFiles(repo, 'unrelated', 'releases'))
    expect(error.code).toBe('no-merge-base')
  })

  it('should report that git is missing', async () => {
    vi.stubEnv('PATH', join(tmp, 'no-bin'))
    try {
      const error = await failure(listChangedFiles(repo, 'main', 'releases'))
      expect(error.code).toBe('git-not-found')
      expect(error.message).toContain('not installed or not on PATH')
    } finally {
      vi.unstubAllEnvs()
    }
  })
})
