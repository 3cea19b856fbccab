import { execFile } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { ShiplogError } from '../../core/errors.ts'
import { isRecordFileName } from '../../core/record/isRecordFileName.ts'

export type GitErrorCode = 'git-not-found' | 'not-a-repository' | 'unknown-ref' | 'no-merge-base' | 'git-failed'

/** A failure of `listChangedFiles` whose message is meant for the user (a usage error: exit 2). */
export class GitError extends ShiplogError {
  readonly code: GitErrorCode
  constructor(code: GitErrorCode, message: string) {
    super(message, 2)
    this.name = 'GitError'
    this.code = code
  }
}

interface GitOutput {
  ok: boolean
  stdout: string
  stderr: string
}

const FETCH_HINT = 'in CI, fetch the history first (actions/checkout with `fetch-depth: 0`)'

/** Runs git with `args` in `cwd`, without a shell; rejects only when git cannot be started. */
function git(cwd: string, args: string[]): Promise<GitOutput> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      'git',
      args,
      { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } },
      (error, stdout, stderr) => {
        if (error && typeof error.code === 'string') {
          reject(
            error.code === 'ENOENT'
              ? new GitError('git-not-found', 'Could not run `git`: it is not installed or not on PATH, expected git to list changed files (--changed)')
              : new GitError('git-failed', `Could not run \`git\` (${error.code})`),
          )
          return
        }
        resolvePromise({ ok: !error, stdout, stderr })
      },
    )
  })
}

function paths(output: string): string[] {
  return output.split('\0').filter((path) => path !== '')
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? ''
}

/**
 * The record files under `releasesDir` that changed on this branch: added, copied, modified or
 * renamed between the merge base of `ref` and HEAD (`git diff --name-only --diff-filter=ACMR
 * <ref>...HEAD`), plus files added or modified in the index or working tree and untracked files
 * that git does not ignore. Files deleted (on the branch or in the working tree) are left out, and so are names FORMAT.md §1 ignores
 * (`_draft.md`, `.hidden/`, `README.md`, `index.md`).
 *
 * `root` is the project folder (it may be a subfolder of the repository) and `releasesDir` is
 * relative to it; the paths returned are relative to `root`, with `/`, sorted.
 *
 * @throws GitError when git is missing, `root` is not in a git working tree, `ref` (or HEAD) does
 *   not name a commit, or `ref` shares no history with HEAD.
 */
export async function listChangedFiles(root: string, ref: string, releasesDir: string): Promise<string[]> {
  const cwd = resolve(root)
  if (!existsSync(cwd) || !statSync(cwd).isDirectory()) {
    throw new GitError('not-a-repository', `Unexpected folder ${root}: it does not exist, expected the project folder inside a git repository`)
  }
  if (ref.trim() === '' || ref.startsWith('-') || /[\0\n\r]/.test(ref)) {
    throw new GitError('unknown-ref', `Unexpected git ref ${JSON.stringify(ref)}, expected a branch, tag or commit such as \`origin/main\``)
  }

  const inside = await git(cwd, ['rev-parse', '--is-inside-work-tree'])
  if (!inside.ok || inside.stdout.trim() !== 'true') {
    const detail = inside.ok ? 'it is not a working tree' : firstLine(inside.stderr) || 'not a git repository'
    throw new GitError('not-a-repository', `Unexpected folder ${root} for --changed: ${detail}, expected a folder inside a git working tree`)
  }
  const head = await git(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])
  if (!head.ok) {
    throw new GitError('unknown-ref', 'Unexpected repository without a commit: HEAD does not exist yet, expected at least one commit to compare with')
  }
  const target = await git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
  if (!target.ok) {
    throw new GitError('unknown-ref', `Unexpected git ref \`${ref}\`: it does not exist in this repository, expected a branch, tag or commit (${FETCH_HINT})`)
  }
  const base = await git(cwd, ['merge-base', ref, 'HEAD'])
  if (!base.ok) {
    throw new GitError('no-merge-base', `Unexpected git ref \`${ref}\`: it shares no history with HEAD, expected the branch HEAD started from (${FETCH_HINT})`)
  }

  const outputs = await Promise.all([
    git(cwd, ['diff', '--name-only', '-z', '--diff-filter=ACMR', '--relative', `${ref}...HEAD`]),
    git(cwd, ['diff', '--name-only', '-z', '--diff-filter=ACMR', '--relative', 'HEAD']),
    git(cwd, ['ls-files', '--others', '--exclude-standard', '-z']),
  ])
  for (const output of outputs) {
    if (!output.ok) throw new GitError('git-failed', `Unexpected git failure: ${firstLine(output.stderr) || 'no message'}`)
  }

  const dir = toPosix(isAbsolute(releasesDir) ? relative(cwd, releasesDir) : releasesDir)
    .replace(/^(?:\.\/)+/, '')
    .replace(/\/+$/, '')
  const prefix = dir === '' || dir === '.' ? '' : `${dir}/`
  const changed = new Set<string>()
  for (const output of outputs) {
    for (const path of paths(output.stdout)) {
      if (!path.startsWith(prefix)) continue
      const segments = path.slice(prefix.length).split('/')
      const name = segments[segments.length - 1] ?? ''
      if (segments.some((segment) => segment.startsWith('_') || segment.startsWith('.')) || !isRecordFileName(name)) continue
      if (!existsSync(resolve(cwd, path))) continue // changed on the branch, deleted in the working tree
      changed.add(path)
    }
  }
  return [...changed].sort()
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/')
}
