import { spawn } from 'node:child_process'
import { gitEnvironment } from './readCommits.ts'

export interface ReadLastUpdatedOptions {
  /** The git executable (default `git` on the PATH). */
  git?: string
}

const RECORD = '\x1e'

/**
 * When each of `files` (paths relative to `cwd`, with `/`) was last committed: the committer date
 * of the newest commit that changed it (`git log -1 --format=%cI -- <file>`), as written by git
 * (`2026-03-05T09:30:00-05:00`). One `git log` for all files, read newest first and stopped once
 * every file has its date, not one process per file. A file never committed has no entry. No
 * git, `cwd` outside a repository, or any other failure of git: an empty map, never an error (the
 * site simply shows no dates).
 */
export function readLastUpdated(cwd: string, files: readonly string[], options: ReadLastUpdatedOptions = {}): Promise<Map<string, string>> {
  const found = new Map<string, string>()
  const wanted = new Set(files)
  if (wanted.size === 0) return Promise.resolve(found)
  return new Promise((resolve) => {
    let settled = false
    const finish = (result: Map<string, string>): void => {
      if (settled) return
      settled = true
      resolve(result)
    }
    let child: ReturnType<typeof spawn>
    try {
      // `--relative`: paths relative to `cwd` (the project may be a folder inside the repository),
      // and only changes under it. `-z`: names as they are (no quoting), each ended by NUL.
      child = spawn(
        options.git ?? 'git',
        ['-c', 'log.showSignature=false', 'log', '--no-color', `--format=${'%x1e'}%cI`, '--name-only', '-z', '--relative', '--', '.'],
        { cwd, env: gitEnvironment(), stdio: ['ignore', 'pipe', 'ignore'], windowsHide: true },
      )
    } catch {
      finish(new Map())
      return
    }
    let pending = ''
    let date = ''
    const take = (chunk: string, last: boolean): void => {
      pending += chunk
      const parts = pending.split('\0')
      pending = last ? '' : (parts.pop() ?? '')
      for (const part of parts) {
        let text = part
        const mark = text.lastIndexOf(RECORD)
        if (mark !== -1) {
          date = text.slice(mark + 1)
          continue
        }
        if (text.startsWith('\n')) text = text.slice(1)
        if (text === '' || !wanted.has(text) || found.has(text)) continue
        found.set(text, date)
        if (found.size === wanted.size) {
          child.kill()
          finish(found)
          return
        }
      }
    }
    child.stdout?.setEncoding('utf8')
    child.stdout?.on('data', (chunk: string) => take(chunk, false))
    child.on('error', () => finish(new Map()))
    child.on('close', (code) => {
      if (settled) return
      take('', true)
      finish(code === 0 ? found : new Map())
    })
  })
}
