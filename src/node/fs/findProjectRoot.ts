import { dirname, resolve } from 'node:path'
import { configFileIn } from './configFileIn.ts'

/**
 * The project folder for a command run in `start` without `--root`: the nearest folder from
 * `start` up to the file system's root that holds a shiplog configuration file (CONFIG_FILES), as
 * eslint and vitest find theirs; `start` itself when no folder up the tree has one.
 */
export function findProjectRoot(start: string): string {
  const from = resolve(start)
  for (let dir = from; ; dir = dirname(dir)) {
    if (configFileIn(dir) !== undefined) return dir
    if (dirname(dir) === dir) return from
  }
}
