import { readFileSync } from 'node:fs'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import type { ReleaseRecord } from '../../src/core/record/types.ts'
import { parseManifest } from '../../src/core/template/parseManifest.ts'
import { record } from './loadRecords.ts'

const stageGate = parseManifest(readFileSync(new URL('../../templates/stage-gate.md', import.meta.url), 'utf8'), 'stage-gate').manifest!

/**
 * A few hand-made records of every kind `metrics` tells apart, in file order: three production
 * deployments in March 2026 (a hotfix with a change committed 24 h before, a failed one restored
 * 2 h after, one with a change committed in 2024: implausible), a staging one, one deployed in
 * February (outside a window from 2026-03-01) and a stage-gate record with two timed stages.
 */
export function metricsRecords(): ReleaseRecord[] {
  return [
    record({
      file: 'releases/a.md',
      frontmatter: [
        'environment: production',
        'status: closed',
        'release_type: hotfix',
        'deployed_at: "2026-03-02T10:00:00Z"',
        'changes:',
        '  - id: c1',
        '    committed_at: "2026-03-01T10:00:00Z"',
      ].join('\n'),
    }),
    record({
      file: 'releases/b.md',
      frontmatter: ['environment: production', 'status: failed', 'deployed_at: "2026-03-04T10:00:00Z"', 'restored_at: "2026-03-04T12:00:00Z"'].join('\n'),
      issues: ['|  | Outage | critical | All users | Rolled back | 45m |'],
    }),
    record({ file: 'releases/c.md', frontmatter: ['environment: staging', 'status: closed', 'deployed_at: "2026-03-03T10:00:00Z"'].join('\n') }),
    record({ file: 'releases/d.md', frontmatter: ['environment: production', 'status: closed', 'deployed_at: "2026-02-01T10:00:00Z"'].join('\n') }),
    record({
      file: 'releases/e.md',
      frontmatter: [
        'environment: production',
        'status: verified',
        'deployed_at: "2026-03-06T10:00:00Z"',
        'changes:',
        '  - id: c2',
        '    committed_at: "2024-01-01T00:00:00Z"',
      ].join('\n'),
    }),
    parseRecord(
      [
        '---',
        'template: stage-gate',
        'environment: production',
        'status: closed',
        'stages:',
        '  Release Planning: { started: 2026-03-02T09:00Z, ended: 2026-03-03T15:00Z }',
        '  Deployment Execution: { started: 2026-03-05T10:00Z, ended: 2026-03-05T13:00Z }',
        '---',
        '',
      ].join('\n'),
      { file: 'releases/s.md', templates: { 'stage-gate': stageGate } },
    ),
  ]
}
