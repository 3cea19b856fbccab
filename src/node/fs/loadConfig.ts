import { join } from 'node:path'
import type { ResolvedConfig, ShiplogConfig } from '../../core/config/types.ts'
import { ShiplogError } from '../../core/errors.ts'
import { configFileIn } from './configFileIn.ts'
import { importConfigModule } from './importConfigModule.ts'
import { readRegularFile } from './readRegularFile.ts'

/** A configuration file larger than this is refused unread. */
const MAX_CONFIG_BYTES = 1024 * 1024


/**
 * Finds and reads the project's configuration file (the first of CONFIG_FILES in `root`), then
 * resolves it: defaults, then the file, then `overrides`.
 */
export async function loadConfig(root: string, overrides: ShiplogConfig = {}): Promise<{ config: ResolvedConfig; file: string | null }> {
  // Loaded here, not at start-up: every command finds the project root (`configFileIn`), few need the schema.
  const { resolveConfig } = await import('../../core/config/resolveConfig.ts')
  const name = configFileIn(root)
  if (!name) return { config: resolveConfig({}, '(defaults)', overrides), file: null }
  const path = join(root, name)
  let raw: unknown
  // A configuration is a regular file (a pipe or a device is refused without being read).
  const read = readRegularFile(path, MAX_CONFIG_BYTES)
  if (!read.ok) {
    const what = read.kind === 'unreadable' ? `unreadable file (${read.code ?? 'error'})` : read.kind === 'missing' ? 'missing file' : read.kind
    throw new ShiplogError(`Unexpected ${what}, expected a configuration file`, 2, { file: name })
  }
  if (read.bytes.length > MAX_CONFIG_BYTES) throw new ShiplogError('Unexpected configuration of more than 1 MiB, expected a small file', 2, { file: name })
  if (name.endsWith('.json')) {
    const text = Buffer.from(read.bytes).toString('utf8').replace(/^\uFEFF/, '')
    try {
      raw = JSON.parse(text)
    } catch (error) {
      throw new ShiplogError(`Unexpected JSON: ${(error as Error).message}`, 2, { file: name })
    }
    if (raw === null) throw new ShiplogError('Unexpected null, expected an object of settings ({ "releases": "releases", … })', 2, { file: name })
  } else {
    try {
      // Compiled by esbuild and evaluated by Node, with no loader hook (importConfigModule.ts).
      const module = await importConfigModule(path)
      raw = module.default
      // A config compiled as CommonJS (no "type": "module" beside it) arrives wrapped once more.
      if (isWrappedDefault(raw)) raw = raw.default
    } catch (error) {
      throw new ShiplogError(`could not load the configuration: ${(error as Error).message.split('\n')[0]}`, 2, { file: name })
    }
    if (raw === undefined || raw === null) throw new ShiplogError(`Unexpected ${raw === null ? 'default export null' : 'missing default export'}, expected export default defineConfig({ … })`, 2, { file: name })
  }
  return { config: resolveConfig(raw, name, overrides), file: name }
}

function isWrappedDefault(value: unknown): value is { default: unknown } {
  return typeof value === 'object' && value !== null && 'default' in value && Object.keys(value).every((key) => key === 'default' || key === '__esModule')
}
