import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import { afterEach, describe, expect, it } from 'vitest'
import { cliTimeout, REPO_ROOT, runCli } from '../helpers/runCli.ts'

const roots: string[] = []
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

const DEPLOYED = `---
template: deployment
release: Ledger 3.1.0
version: 3.1.0
component: ledger
release_type: minor
environment: production
status: deployed
scheduled: "2026-05-04T09:00:00Z"
deployed_at: "2026-05-04T10:00:00Z"
changes:
  - id: L-7
    title: Faster month close
    committed_at: "2026-05-02T10:00:00Z"
---

# Ledger 3.1.0

## Incident Response

### Issues Encountered

| Time | Issue | Severity | Impact | Resolution | Duration |
|------|-------|----------|--------|------------|----------|
| 10:30 | Slow report | low | finance | cache warmed | 20m |
`

const PLANNED = `---
template: deployment
release: Ledger 3.2.0
version: 3.2.0
component: ledger
release_type: minor
environment: production
status: planned
scheduled: "2026-06-01T09:00:00Z"
---

# Ledger 3.2.0
`

/** A project folder of two records: one deployment (1 change, 1 issue row), one planned. */
function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'shiplog-export-'))
  roots.push(root)
  mkdirSync(join(root, 'releases'))
  writeFileSync(join(root, 'releases', '3.1.0.md'), DEPLOYED)
  writeFileSync(join(root, 'releases', '3.2.0.md'), PLANNED)
  return root
}

function validator(): (row: unknown) => boolean {
  const ajv = new Ajv.default({ strict: false, allErrors: true })
  addFormats.default(ajv)
  return ajv.compile(JSON.parse(readFileSync(join(REPO_ROOT, 'schema/export.schema.json'), 'utf8')) as object)
}

describe('shiplog export', () => {
  it('should print one NDJSON line per deployment, change and issue row, each valid against schema/export.schema.json', () => {
    const root = project()
    const result = runCli(['--root', root, 'export', '--no-cache'])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout.endsWith('\n')).toBe(true)
    const rows = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { [key: string]: unknown })
    const valid = validator()
    for (const row of rows) expect(valid(row)).toBe(true)
    const repository = basename(root)
    expect(rows.map((row) => [row['kind'], row['repository'], row['component'], row['environment'], row['file'], row['line']])).toEqual([
      ['deployment', repository, 'ledger', 'production', 'releases/3.1.0.md', 8],
      ['change', repository, 'ledger', 'production', 'releases/3.1.0.md', 14],
      ['incident', repository, 'ledger', 'production', 'releases/3.1.0.md', 25],
    ])
    expect(rows[0]).toMatchObject({ deployed_at: '2026-05-04T10:00:00.000Z', failed: false, duration_minutes: null, deployment_id: `${repository}/releases/3.1.0.md` })
    expect(rows[1]).toMatchObject({ change_id: 'L-7', committed_at: '2026-05-02T10:00:00.000Z' })
    // 10:30 on scheduled's date and offset (Z)
    expect(rows[2]).toMatchObject({ severity: 'low', failure_severity: false, occurred_at: '2026-05-04T10:30:00.000Z', duration_minutes: 20 })
  }, cliTimeout(1))

  it('should write --out atomically, replacing the file, leaving no temporary file, and say what it wrote', () => {
    const root = project()
    const out = join(root, 'exports', 'ledger.ndjson')
    mkdirSync(join(root, 'exports'))
    writeFileSync(out, 'old\n')
    const result = runCli(['--root', root, 'export', '--out', out, '--no-cache'])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(`Wrote ${out} (NDJSON, shiplog.export/1): 1 deployments, 1 changes, 1 incidents from 2 records\n`)
    expect(readFileSync(out, 'utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { kind: string }).kind)).toEqual(['deployment', 'change', 'incident'])
    expect(readdirSync(join(root, 'exports'))).toEqual(['ledger.ndjson'])
  }, cliTimeout(1))

  it('should refuse an unknown format, and Parquet without --out, as usage errors (exit 2) writing nothing', () => {
    const root = project()
    const xml = runCli(['--root', root, 'export', '--format', 'xml'])
    expect(xml.code).toBe(2)
    expect(xml.stderr).toContain('Unexpected --format "xml": expected ndjson or parquet')
    expect(xml.stdout).toBe('')
    const parquet = runCli(['--root', root, 'export', '--format', 'parquet'])
    expect(parquet.code).toBe(2)
    expect(parquet.stderr).toContain('Unexpected --format parquet without --out')
    expect(parquet.stdout).toBe('')
  }, cliTimeout(2))

  it('should report a record it cannot read (exit 1) and still export the others', () => {
    const root = project()
    writeFileSync(join(root, 'releases', '3.0.0.md'), '---\nstatus: [deployed\n---\n')
    const out = join(root, 'out.ndjson')
    const result = runCli(['--root', root, 'export', '--out', out, '--no-cache'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^releases\/3\.0\.0\.md:\d+:\d+: /)
    expect(existsSync(out)).toBe(true)
    expect(readFileSync(out, 'utf8').split('\n').filter(Boolean)).toHaveLength(3)
  }, cliTimeout(1))
})
