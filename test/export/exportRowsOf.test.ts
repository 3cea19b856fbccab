import { describe, expect, it } from 'vitest'
import { exportRowsOf } from '../../src/core/export/exportRowsOf.ts'
import { exportRowSchema } from '../../src/core/export/exportSchema.ts'
import { recordFrom } from '../metrics/loadRecords.ts'

const FILE = 'releases/payments-api/2.4.1.md'

// Line numbers below are those of this text (line 1 is the opening `---`).
const SOURCE = [
  '---', //                                              1
  'template: deployment', //                             2
  'release: Payments API 2.4.1', //                      3
  'version: 2.4.1', //                                   4
  'component: Payments-API', //                          5
  'release_type: Hotfix', //                             6
  'environment: Production', //                          7
  'status: rolled-back', //                              8
  'scheduled: "2026-03-04T14:00:00+01:00"', //          9
  'restored_at: "2026-03-04T15:30:00+01:00"', //        10
  'changes:', //                                         11
  '  - id: PAY-101', //                                  12
  '    title: Fix rounding', //                          13
  '    committed_at: "2026-03-03T09:00:00Z"', //         14
  '  - title: Untracked tweak', //                       15
  '---', //                                              16
  '', //                                                 17
  '# Deployment & Release Process Template', //         18
  '', //                                                 19
  '## Deployment Execution', //                          20
  '', //                                                 21
  '### Deployment Timeline', //                          22
  '', //                                                 23
  '| Phase | Start Time | End Time | Duration | Status | Notes |', // 24
  '|-------|------------|----------|----------|--------|-------|', // 25
  '| Application deployment | 14:00 | 14:20 |  | done |  |', //      26
  '| Smoke tests | 14:20 | 14:30 | 15m | done |  |', //                27
  '', //                                                 28
  '## Incident Response', //                             29
  '', //                                                 30
  '### Issues Encountered', //                           31
  '', //                                                 32
  '| Time | Issue | Severity | Impact | Resolution | Duration |', //  33
  '|------|-------|----------|--------|------------|----------|', //  34
  '| 14:10 | Card declines | critical | EU users | Rolled back | 1h 20m |', // 35
  '| 14:40 | Slow page | low | few | none |  |', //                    36
  '',
].join('\n')

const common = {
  schema: 'shiplog.export/1',
  repository: 'shop',
  component: 'payments-api',
  environment: 'production',
  version: '2.4.1',
  deployment_id: `shop/${FILE}`,
  file: FILE,
}

describe('exportRowsOf', () => {
  it('should give the deployment, each change and each issue row as worked out by hand', () => {
    const rows = exportRowsOf(recordFrom(SOURCE, FILE), 'shop')
    expect(rows).toEqual([
      {
        ...common,
        line: 8,
        kind: 'deployment',
        status: 'rolled-back',
        // No deployed_at: the Application deployment row's End Time, 14:20 at scheduled's +01:00.
        deployed_at: '2026-03-04T13:20:00.000Z',
        deployed_at_source: 'application-deployment',
        failed: true,
        failed_because: ['status `rolled-back`', 'Issues Encountered row of severity `critical`'],
        release_type: 'hotfix',
        restored_at: '2026-03-04T14:30:00.000Z',
        // The critical row's 14:10 (+01:00) is before the deploy time.
        recovery_start: '2026-03-04T13:10:00.000Z',
        // 14:00 → 14:20 (no Duration: 20 min) + the Duration 15m (it wins over End − Start's 10).
        duration_minutes: 35,
      },
      { ...common, line: 14, kind: 'change', change_id: 'PAY-101', change_key: 'PAY-101', title: 'Fix rounding', committed_at: '2026-03-03T09:00:00.000Z' },
      { ...common, line: 15, kind: 'change', change_id: null, change_key: `${FILE}#2`, title: 'Untracked tweak', committed_at: null },
      {
        ...common,
        line: 35,
        kind: 'incident',
        description: 'Card declines',
        severity: 'critical',
        failure_severity: true,
        occurred_at: '2026-03-04T13:10:00.000Z',
        duration_minutes: 80,
      },
      { ...common, line: 36, kind: 'incident', description: 'Slow page', severity: 'low', failure_severity: false, occurred_at: '2026-03-04T13:40:00.000Z', duration_minutes: null },
    ])
    for (const row of rows) expect(exportRowSchema.safeParse(row).success).toBe(true)
  })

  it('should give nothing for a record that is not a deployment', () => {
    const planned = SOURCE.replace('status: rolled-back', 'status: planned')
    expect(exportRowsOf(recordFrom(planned, FILE), 'shop')).toEqual([])
    const noEnvironment = SOURCE.replace('environment: Production\n', '')
    expect(exportRowsOf(recordFrom(noEnvironment, FILE), 'shop')).toEqual([])
  })

  it('should export a deployment of any environment, labelled with it', () => {
    const staging = SOURCE.replace('environment: Production', 'environment: staging')
    const rows = exportRowsOf(recordFrom(staging, FILE), 'shop')
    expect(rows.map((row) => [row.kind, row.environment])).toEqual([
      ['deployment', 'staging'],
      ['change', 'staging'],
      ['change', 'staging'],
      ['incident', 'staging'],
      ['incident', 'staging'],
    ])
  })
})
