import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { afterAll, describe, expect, it } from 'vitest'
import { duckDbColumns } from '../../src/core/export/exportColumns.ts'
import { cliTimeout, REPO_ROOT, runCli } from '../helpers/runCli.ts'

// The SQL of docs/org-scale.md, "DORA figures in SQL", run as written over the export of the
// bundled records (releases/, whatever records it holds), must give `shiplog metrics --json`'s
// figures on the same records and window. Nothing is written into the repository: both commands
// run with --no-cache, the exports go to a temporary folder.

const DOC = readFileSync(join(REPO_ROOT, 'docs/org-scale.md'), 'utf8')
const SECTION = DOC.slice(DOC.indexOf('## DORA figures in SQL'), DOC.indexOf('\n## ', DOC.indexOf('## DORA figures in SQL') + 1))
const BLOCKS = [...SECTION.matchAll(/```sql\n([\s\S]*?)```/g)].map((match) => match[1] as string)
const NDJSON_SOURCE = "'exports/*.ndjson'"

const dir = mkdtempSync(join(tmpdir(), 'shiplog-sql-parity-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

interface Metrics {
  window: { since: string | null; until: string | null; days: number | null }
  deployments: number
  failed: number
  deploymentFrequency: { perWeek: number | null; class: string | null; medianDaysPerWeek?: number | null; medianDaysPerMonth?: number | null }
  leadTime: { medianHours: number | null; p90Hours: number | null; changes: number; dropped: number }
  changeFailureRate: { rate: number | null }
  recoveryTime: { medianHours: number | null; known: number; unknown: number }
  rollbackRate: number | null
  reworkRate: number | null
  deploymentDuration: { medianMinutes: number | null; measured: number }
}

/** The figures of `metrics --json` under the names the SQL gives them. */
function expectedOf(m: Metrics): { [column: string]: unknown } {
  return {
    window_since: m.window.since,
    window_until: m.window.until,
    window_days: m.window.days,
    deployments: m.deployments,
    failed: m.failed,
    deployments_per_week: m.deploymentFrequency.perWeek,
    frequency_class: m.deploymentFrequency.class,
    median_days_per_week: m.deploymentFrequency.medianDaysPerWeek ?? null,
    median_days_per_month: m.deploymentFrequency.medianDaysPerMonth ?? null,
    lead_time_median_hours: m.leadTime.medianHours,
    lead_time_p90_hours: m.leadTime.p90Hours,
    lead_time_changes: m.leadTime.changes,
    lead_time_dropped: m.leadTime.dropped,
    change_failure_rate: m.changeFailureRate.rate,
    rollback_rate: m.rollbackRate,
    rework_rate: m.reworkRate,
    recovery_median_hours: m.recoveryTime.medianHours,
    recovery_known: m.recoveryTime.known,
    recovery_unknown: m.recoveryTime.unknown,
    duration_median_minutes: m.deploymentDuration.medianMinutes,
    duration_measured: m.deploymentDuration.measured,
  }
}

/** DuckDB's values as JSON's: BIGINT counts as numbers, TIMESTAMPs as ISO strings. */
function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value)
  if (value instanceof Date) return value.toISOString()
  return value
}

/**
 * Runs the documented statements in order (the load block as `load` makes it, the settings, then
 * `settings` of the test's own) and gathers the columns of every query's row; a query without a
 * row leaves its columns null, as `shiplog metrics` leaves a figure without data.
 */
async function sqlFigures(load: (block: string) => string, settings: string[] = []): Promise<{ [column: string]: unknown }> {
  const instance = await DuckDBInstance.create(':memory:')
  const connection = await instance.connect()
  try {
    const figures: { [column: string]: unknown } = {}
    for (const [index, block] of BLOCKS.entries()) {
      const reader = await connection.runAndReadAll(index === 0 ? load(block) : block)
      if (index === 1) for (const setting of settings) await connection.run(setting)
      if (!/^\s*(SELECT|WITH)\b/i.test(block)) continue
      const row = reader.getRowObjectsJS()[0]
      for (const column of reader.columnNames()) figures[column] = row === undefined ? null : plain(row[column])
    }
    return figures
  } finally {
    connection.closeSync()
    instance.closeSync()
  }
}

function exportBundled(args: string[], file: string): string {
  const out = join(dir, file)
  const result = runCli(['--root', REPO_ROOT, 'export', '--no-cache', '--out', out, ...args])
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
  return out
}

function metricsOfBundled(args: string[]): { [column: string]: unknown } {
  const result = runCli(['--root', REPO_ROOT, 'metrics', '--json', '--no-cache', ...args])
  expect(result.code).toBe(0)
  return expectedOf(JSON.parse(result.stdout) as Metrics)
}

const sqlString = (path: string): string => `'${path.replace(/'/g, "''")}'`
/** The load block reading this NDJSON file instead of exports/*.ndjson. */
const fromNdjson = (path: string) => (block: string): string => block.replace(NDJSON_SOURCE, sqlString(path))
/** The load block reading this Parquet file (as the docs say: `read_parquet`) instead of the NDJSON exports. */
const fromParquet = (path: string) => (block: string): string => block.replace(/read_json\([\s\S]*\}\)/, `read_parquet(${sqlString(path)})`)

describe('the SQL of docs/org-scale.md over the export of the bundled records', () => {
  it('should be the documented blocks: load (with every export column), settings, views, then the figures', () => {
    expect(BLOCKS.length).toBeGreaterThanOrEqual(9)
    expect(BLOCKS[0]).toContain(`read_json(${NDJSON_SOURCE}, format = 'newline_delimited', columns = ${duckDbColumns()})`)
    expect(BLOCKS[1]).toMatch(/^SET VARIABLE environment = 'production';/)
  })

  it('should give the figures of shiplog metrics --json, over the default window, another window, and staging', async () => {
    const ndjson = fromNdjson(exportBundled([], 'bundled.ndjson'))
    const whole = metricsOfBundled([])
    expect(whole['deployments']).toBeGreaterThan(0)
    expect(await sqlFigures(ndjson)).toEqual(whole)

    const window = metricsOfBundled(['--since', '2026-08-01', '--until', '2026-09-15T12:00:00Z'])
    expect(await sqlFigures(ndjson, ["SET VARIABLE since = TIMESTAMP '2026-08-01'", "SET VARIABLE until = TIMESTAMP '2026-09-15 12:00:00'"])).toEqual(window)

    const staging = metricsOfBundled(['--environment', 'staging'])
    expect(await sqlFigures(ndjson, ["SET VARIABLE environment = 'staging'"])).toEqual(staging)
  }, cliTimeout(4))

  it('should give the same figures from the Parquet export', async () => {
    const parquet = exportBundled(['--format', 'parquet'], 'bundled.parquet')
    const ndjson = exportBundled([], 'again.ndjson')
    const figures = await sqlFigures(fromNdjson(ndjson))
    expect(figures['deployments']).toBeGreaterThan(0)
    expect(await sqlFigures(fromParquet(parquet))).toEqual(figures)
  }, cliTimeout(2))
})
