import type { Command } from 'commander'
import { findProjectRoot } from '../node/fs/findProjectRoot.ts'

export interface GlobalOptions {
  /**
   * The project folder: `--root`, else the nearest folder from the current one up that holds a
   * shiplog config file, else the current folder.
   */
  root: string
  /**
   * Every `--root` given, in order (`metrics` and `build` read each; every other command accepts
   * one), or `[root]` when none was given.
   */
  roots: string[]
  /** `--root` as given, or null: `init` sets up this folder (or the current one), never a project found up the tree. */
  rootOption: string | null
  color: boolean
  verbose: boolean
}

/** Whether to colour output written to `stream`: never with --no-color or NO_COLOR, else on a TTY or with FORCE_COLOR. */
export function useColor(stream: NodeJS.WriteStream, flag: boolean): boolean {
  if (!flag || 'NO_COLOR' in process.env) return false
  if (process.env['FORCE_COLOR'] && process.env['FORCE_COLOR'] !== '0') return true
  return stream.isTTY === true
}

/** The commands that read several project roots (`--root a --root b`, or config `workspaces`). */
export const SEVERAL_ROOTS_COMMANDS: readonly string[] = ['metrics', 'build']

/** The global options, read from the root command; `--root` given twice is a usage error (exit 2) but for `SEVERAL_ROOTS_COMMANDS`. */
export function globalsOf(command: Command): GlobalOptions {
  const options = command.optsWithGlobals<{ root?: string[]; color?: boolean; verbose?: boolean }>()
  const given = options.root ?? []
  if (given.length > 1 && !SEVERAL_ROOTS_COMMANDS.includes(command.name())) {
    command.error(`error: --root given ${given.length} times, expected one project root: only ${SEVERAL_ROOTS_COMMANDS.join(' and ')} read several`, { exitCode: 2, code: 'shiplog.severalRoots' })
  }
  const root = given[0] ?? findProjectRoot(process.cwd())
  return {
    root,
    roots: given.length > 0 ? given : [root],
    rootOption: given[0] ?? null,
    color: useColor(process.stdout, options.color !== false),
    verbose: options.verbose === true,
  }
}
