import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { resolveConfig } from '../config/resolveConfig.ts'
import type { ResolvedConfig, ShiplogConfig } from '../config/types.ts'
import { ShiplogError } from '../errors.ts'

export const CONFIG_FILES = ['shiplog.config.ts', 'shiplog.config.mts', 'shiplog.config.js', 'shiplog.config.mjs', 'shiplog.config.json'] as const

/** The name of the configuration file in `dir` (the first of CONFIG_FILES there), or undefined. */
export function configFileIn(dir: string): string | undefined {
  return CONFIG_FILES.find((candidate) => existsSync(join(dir, candidate)))
}

/**
 * Finds and reads the project's configuration file (the first of CONFIG_FILES in `root`), then
 * resolves it: defaults, then the file, then `overrides`.
 */
export async function loadConfig(root: string, overrides: ShiplogConfig = {}): Promise<{ config: ResolvedConfig; file: string | null }> {
  const name = configFileIn(root)
  if (!name) return { config: resolveConfig({}, '(defaults)', overrides), file: null }
  const path = join(root, name)
  let raw: unknown
  if (name.endsWith('.json')) {
    const text = readFileSync(path, 'utf8')
    try {
      raw = JSON.parse(text)
    } catch (error) {
      throw new ShiplogError(`${name}: Unexpected JSON: ${(error as Error).message}`, 2)
    }
  } else {
    try {
      const { tsImport } = await import('tsx/esm/api')
      const module = (await tsImport(pathToFileURL(path).href, import.meta.url)) as { default?: unknown }
      raw = module.default
      // A config compiled as CommonJS (no "type": "module" beside it) arrives wrapped once more.
      if (isWrappedDefault(raw)) raw = raw.default
    } catch (error) {
      throw new ShiplogError(`${name}: could not load the configuration: ${(error as Error).message.split('\n')[0]}`, 2)
    }
    if (raw === undefined) throw new ShiplogError(`${name}: expected a default export (export default defineConfig({ … }))`, 2)
  }
  return { config: resolveConfig(raw, name, overrides), file: name }
}

function isWrappedDefault(value: unknown): value is { default: unknown } {
  return typeof value === 'object' && value !== null && 'default' in value && Object.keys(value).every((key) => key === 'default' || key === '__esModule')
}
