import type { Command } from 'commander'
import { findProjectRoot } from '../node/fs/findProjectRoot.ts'

export interface GlobalOptions {
  /**
   * The project folder: `--root`, else the nearest folder from the current one up that holds a
   * shiplog config file, else the current folder.
   */
  root: string
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

/** The global options, read from the root command. */
export function globalsOf(command: Command): GlobalOptions {
  const options = command.optsWithGlobals<{ root?: string; color?: boolean; verbose?: boolean }>()
  return {
    root: options.root ?? findProjectRoot(process.cwd()),
    rootOption: options.root ?? null,
    color: useColor(process.stdout, options.color !== false),
    verbose: options.verbose === true,
  }
}
