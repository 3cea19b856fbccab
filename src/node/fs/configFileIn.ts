import { existsSync } from 'node:fs'
import { join } from 'node:path'

/** The names a project's configuration file may have, in the order they are looked for. */
export const CONFIG_FILES = ['shiplog.config.ts', 'shiplog.config.mts', 'shiplog.config.js', 'shiplog.config.mjs', 'shiplog.config.json'] as const

/** The name of the configuration file in `dir` (the first of CONFIG_FILES there), or undefined. */
export function configFileIn(dir: string): string | undefined {
  return CONFIG_FILES.find((candidate) => existsSync(join(dir, candidate)))
}
