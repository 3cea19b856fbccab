import { ShiplogError } from '../../core/errors.ts'

/** The part of `@duckdb/node-api` shiplog uses (declared here, so that shiplog's types do not need the package). */
export interface DuckDbModule {
  DuckDBInstance: {
    create(path?: string): Promise<{
      connect(): Promise<{ run(sql: string): Promise<unknown>; closeSync(): void }>
      closeSync(): void
    }>
  }
}

/** Loads DuckDB's Node API; a test passes its own to simulate an install without it. */
export type DuckDbLoader = () => Promise<DuckDbModule>

/** The optional dependency that writes Parquet. */
export const DUCKDB_PACKAGE = '@duckdb/node-api'

/** Imports `@duckdb/node-api` (an optional dependency) only when Parquet is asked for. */
export const importDuckDb: DuckDbLoader = async () => (await import(DUCKDB_PACKAGE)) as DuckDbModule

/**
 * DuckDB's module through `loader`, or a ShiplogError (exit 2) saying how to install it when it
 * is not installed (or its native part cannot be loaded on this platform).
 */
export async function loadDuckDb(loader: DuckDbLoader = importDuckDb): Promise<DuckDbModule> {
  try {
    return await loader()
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code
    const missing = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND'
    const cause = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new ShiplogError(
      missing
        ? `Parquet needs the optional dependency ${DUCKDB_PACKAGE}, which is not installed: install it (npm install ${DUCKDB_PACKAGE}), or export NDJSON (the default format)`
        : `Parquet needs ${DUCKDB_PACKAGE}, which could not be loaded (${cause}): reinstall it (npm install ${DUCKDB_PACKAGE}), or export NDJSON (the default format)`,
      2,
    )
  }
}
