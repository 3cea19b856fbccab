import { spawn } from 'node:child_process'
import { ShiplogError } from '../../core/errors.ts'

/** The editor command a user set: `$VISUAL`, else `$EDITOR` (empty ones count as unset); null when neither is. */
export function editorCommand(env: { readonly [name: string]: string | undefined } = process.env): string | null {
  for (const name of ['VISUAL', 'EDITOR']) {
    const value = env[name]?.trim()
    if (value) return value
  }
  return null
}

/**
 * Opens `file` (relative to `cwd`, where the editor runs) in the user's editor (`editorCommand`) and waits for it to exit, the terminal handed
 * over (stdio inherited). The command is read by the shell as git reads `core.editor`, so one with
 * arguments works (`code --wait`, `emacsclient -t`); the file goes in as an argument of its own
 * (`"$@"`), never into the command text, so no character in its name is read by the shell.
 * Throws a ShiplogError when no editor is set (exit 2), when the editor cannot be started or when
 * it fails (exit 1). It never touches the file itself.
 */
export async function openInEditor(file: string, options: { cwd?: string; env?: { readonly [name: string]: string | undefined } } = {}): Promise<void> {
  const env = options.env ?? process.env
  const editor = editorCommand(env)
  if (editor === null) {
    throw new ShiplogError(`Could not open ${file} in an editor: neither VISUAL nor EDITOR is set, expected a command, e.g. EDITOR=vim or EDITOR="code --wait"`, 2)
  }
  const windows = process.platform === 'win32'
  const child = windows
    ? spawn(`${editor} "${file.replace(/"/g, '')}"`, { stdio: 'inherit', shell: true, env: { ...env }, ...(options.cwd === undefined ? {} : { cwd: options.cwd }) })
    : spawn('/bin/sh', ['-c', `${editor} "$@"`, editor, file], { stdio: 'inherit', env: { ...env }, ...(options.cwd === undefined ? {} : { cwd: options.cwd }) })
  const outcome = await new Promise<{ code: number | null; signal: NodeJS.Signals | null } | Error>((done) => {
    child.once('error', (error) => done(error))
    child.once('exit', (code, signal) => done({ code, signal }))
  })
  if (outcome instanceof Error) throw new ShiplogError(`Could not start the editor \`${editor}\` for ${file}: ${outcome.message}`, 1)
  if (outcome.code !== 0) {
    const how = outcome.signal !== null ? `was stopped by ${outcome.signal}` : outcome.code === 127 ? 'was not found (exit 127)' : `exited with ${outcome.code}`
    throw new ShiplogError(`The editor \`${editor}\` ${how} while editing ${file}`, 1)
  }
}
