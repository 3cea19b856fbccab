export { defineConfig } from './defineConfig.ts'
export { DEFAULT_CONFIG } from './defaultConfig.ts'
export { resolveConfig } from './resolveConfig.ts'
export type { ResolvedConfig, ShiplogConfig } from './types.ts'
