/**
 * Every key of the export's lines (`shiplog.export/1`, exportSchema.ts) with its SQL type, in the
 * order a table of all three kinds has them: the common keys, then the deployment's, the
 * change's and the incident's (`duration_minutes` is a deployment's and an incident's). Times are
 * UTC instants, typed `TIMESTAMP` (no zone: every one is UTC). The Parquet file has these
 * columns, and docs/org-scale.md loads NDJSON exports with them.
 */
export const EXPORT_COLUMNS = [
  ['schema', 'VARCHAR'],
  ['kind', 'VARCHAR'],
  ['repository', 'VARCHAR'],
  ['component', 'VARCHAR'],
  ['environment', 'VARCHAR'],
  ['version', 'VARCHAR'],
  ['deployment_id', 'VARCHAR'],
  ['file', 'VARCHAR'],
  ['line', 'INTEGER'],
  ['status', 'VARCHAR'],
  ['deployed_at', 'TIMESTAMP'],
  ['deployed_at_source', 'VARCHAR'],
  ['failed', 'BOOLEAN'],
  ['failed_because', 'VARCHAR[]'],
  ['release_type', 'VARCHAR'],
  ['restored_at', 'TIMESTAMP'],
  ['recovery_start', 'TIMESTAMP'],
  ['duration_minutes', 'DOUBLE'],
  ['change_id', 'VARCHAR'],
  ['change_key', 'VARCHAR'],
  ['title', 'VARCHAR'],
  ['committed_at', 'TIMESTAMP'],
  ['description', 'VARCHAR'],
  ['severity', 'VARCHAR'],
  ['failure_severity', 'BOOLEAN'],
  ['occurred_at', 'TIMESTAMP'],
] as const satisfies ReadonlyArray<readonly [string, string]>

/** The columns as DuckDB's `read_json(…, columns = {…})` takes them: `{schema: 'VARCHAR', …}`. */
export function duckDbColumns(): string {
  return `{${EXPORT_COLUMNS.map(([name, type]) => `${name}: '${type}'`).join(', ')}}`
}
