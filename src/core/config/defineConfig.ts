import type { ShiplogConfig } from './types.ts'

/** Types a `shiplog.config.ts` for editors; returns the configuration unchanged. */
export function defineConfig(config: ShiplogConfig): ShiplogConfig {
  return config
}
