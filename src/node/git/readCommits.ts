import { execFile } from 'node:child_process'
import { stat } from 'node:fs/promises'
import { ReadCommitsError } from './ReadCommitsError.ts'

/** A commit as a record's `changes` entry holds it (FORMAT.md §2). */
export interface Commit {
  /** Abbreviated sha (`git log %h`). */
  id: string
  /** Subject line. */
  title: string
  /** Committer date, ISO 8601 with its offset (`2026-03-04T14:30:00+01:00`). */
  committed_at: string
  /** Author name. */
  author: string
}

export interface ReadCommitsOptions {
  /** The git executable (default `git` on the PATH). */
  git?: string
  /** Leave merge commits out (`--no-merges`). */
  noMerges?: boolean
  /** Refuse a range of more commits than this (default `MAX_COMMITS`). */
  maxCommits?: number
}

/** More commits than a record can list: their lines alone would pass the 1 MiB a record may hold. */
export const MAX_COMMITS = 5_000

const FIELD = '\x1f'
const RECORD = '\x1e'
const FORMAT = ['%h', '%s', '%cI', '%an'].join('%x1f') + '%x1e'

/**
 * Lists the commits of a revision range (`v1.2.0..HEAD`, `main~5..main`, a single ref) in the
 * git repository at `cwd`, newest first, as `git log` gives them. Runs git directly (no shell, no
 * network, no pager, `LC_ALL=C`); rejects a range that starts with `-` so it can never be read as
 * an option. Throws a `ReadCommitsError` when git is missing, `cwd` is not a repository or the range is
 * invalid.
 */
export async function readCommits(cwd: string, range: string, options: ReadCommitsOptions = {}): Promise<Commit[]> {
  const trimmed = range.trim()
  if (trimmed === '' || trimmed.startsWith('-') || /[\0\n]/.test(trimmed)) {
    throw new ReadCommitsError('invalid-range', `Unexpected revision range \`${range}\`, expected a range like \`v1.2.0..HEAD\``)
  }
  const folder = await stat(cwd).catch(() => null)
  if (!folder || !folder.isDirectory()) {
    throw new ReadCommitsError('not-a-repository', `${cwd}: no such folder, expected a git repository`)
  }
  const maxCommits = options.maxCommits ?? MAX_COMMITS
  // One past the limit, so that a range that is too long is told from one that is just long enough.
  const args = ['-c', 'log.showSignature=false', 'log', `--format=${FORMAT}`, '--no-color', `--max-count=${maxCommits + 1}`]
  if (options.noMerges) args.push('--no-merges')
  args.push('--end-of-options', trimmed, '--')
  const output = await run(options.git ?? 'git', args, cwd, range)
  const commits = output
    .split(RECORD)
    .map((entry) => entry.replace(/^\n/, ''))
    .filter((entry) => entry !== '')
    .map((entry) => {
      const [id = '', title = '', committed_at = '', author = ''] = entry.split(FIELD)
      return { id, title, committed_at, author }
    })
  if (commits.length > maxCommits) {
    throw new ReadCommitsError(
      'invalid-range',
      `Unexpected revision range \`${range}\` of more than ${maxCommits} commits, expected the commits of one release (a range like \`v1.2.0..HEAD\`)`,
    )
  }
  return commits
}

function run(git: string, args: string[], cwd: string, range: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      git,
      args,
      {
        cwd,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        windowsHide: true,
        env: gitEnvironment(),
      },
      (error, stdout, stderr) => {
        if (!error) {
          resolve(stdout)
          return
        }
        const code = (error as NodeJS.ErrnoException).code
        if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
          reject(new ReadCommitsError('invalid-range', `Unexpected revision range \`${range}\` whose commits take more than 64 MiB, expected the commits of one release`))
          return
        }
        if (code === 'ENOENT' || code === 'EACCES') {
          reject(new ReadCommitsError('git-not-found', `Cannot run \`${git}\` (${code}): expected git to be installed and on the PATH`))
          return
        }
        const message = firstLine(stderr) || error.message
        if (/not a git repository/i.test(stderr)) {
          reject(new ReadCommitsError('not-a-repository', `Unexpected folder ${cwd} outside any git repository (${message}), expected a project inside a git repository to read commits from`))
        } else if (/unknown revision|bad revision|ambiguous argument|invalid (?:upstream|revision)|bad (?:object|default revision)|does not have any commits/i.test(stderr)) {
          reject(new ReadCommitsError('invalid-range', `Unexpected revision range \`${range}\`: ${message}; expected a range like \`v1.2.0..HEAD\``))
        } else {
          reject(new ReadCommitsError('git-failed', `git log failed in ${cwd}: ${message}`))
        }
      },
    )
  })
}

/** The caller's environment minus what would point git elsewhere than `cwd` (set inside git hooks). */
export function gitEnvironment(): { [name: string]: string | undefined } {
  const env: { [name: string]: string | undefined } = { ...process.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', GIT_OPTIONAL_LOCKS: '0' }
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE']) delete env[name]
  return env
}

function firstLine(text: string): string {
  return (text.split('\n').find((line) => line.trim() !== '') ?? '').trim()
}
