import { spawn } from 'node:child_process'
import { gitEnvironment } from './readCommits.ts'

export interface WalkFileLogOptions {
  /** The git executable (default `git` on the PATH). */
  git?: string
}

const RECORD = '\x1e'

/**
 * Walks `git log` under `cwd`, newest commit first, calling `visit(file, committed)` for every file
 * (path relative to `cwd`, with `/`) each commit changed, with that commit's committer date as
 * written by git (`2026-03-05T09:30:00-05:00`). `visit` returns true to stop the walk early. One
 * `git log` process, read as a stream. Resolves true when git ran to the end (or was stopped), false
 * when there is no git, `cwd` is outside a repository or git failed: the caller then knows nothing.
 */
export function walkFileLog(cwd: string, visit: (file: string, committed: string) => boolean | void, options: WalkFileLogOptions = {}): Promise<boolean> {
  return new Promise((resolve) => {
    let settled = false
    const finish = (ok: boolean): void => {
      if (settled) return
      settled = true
      resolve(ok)
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
      finish(false)
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
        if (text === '') continue
        if (visit(text, date) === true) {
          child.kill()
          finish(true)
          return
        }
      }
    }
    child.stdout?.setEncoding('utf8')
    child.stdout?.on('data', (chunk: string) => {
      if (!settled) take(chunk, false)
    })
    child.on('error', () => finish(false))
    child.on('close', (code) => {
      if (settled) return
      if (code !== 0) {
        finish(false)
        return
      }
      take('', true)
      finish(true)
    })
  })
}
