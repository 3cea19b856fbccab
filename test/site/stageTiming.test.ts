import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { releasePageOf } from '../../src/core/site/releasePageOf.ts'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import { parseManifest } from '../../src/core/template/parseManifest.ts'

const stageGate = parseManifest(readFileSync(new URL('../../templates/stage-gate.md', import.meta.url), 'utf8'), 'stage-gate').manifest!

// 2026-03-02 is a Monday, 2026-03-06 a Friday.
const SOURCE = `---
template: stage-gate
version: "1.2.0"
status: in-progress
stages:
  Release Planning: { started: 2026-03-02T09:00+01:00, ended: 2026-03-03T17:30+01:00 }
  Pre-Deployment Verification: { started: 2026-03-06T09:00+01:00, ended: 2026-03-09T09:00+01:00 }
  Deployment Execution: { started: 2026-03-10T14:00+01:00, ended: 2026-03-10T19:30+01:00 }
  Post-Deployment Verification: { started: 2026-03-10T19:30+01:00 }
---
## Release Planning

- [x] Release plan document

## Pre-Deployment Verification

- [x] Staging test results

## Deployment Execution

- [ ] Release deployed to production

## Post-Deployment Verification

- [ ] Verification test results

## Compliance Note

- [ ] Client confidentiality
`

describe('release page stage timing', () => {
  it('should give each timed or planned stage its role, expected and actual duration on the release page', () => {
    const page = releasePageOf(parseRecord(SOURCE, { file: 'releases/1.2.0.md', templates: { 'stage-gate': stageGate } }), { id: 'portal/1.2.0' })
    expect(page.stages.map((stage) => [stage.name, stage.timing ?? null])).toEqual([
      // Times as written and as instants for <time datetime> (09:00 +01:00 = 08:00Z). Monday 09:00 → Tuesday 17:30: 32.5 h on weekdays = 1.35 business days > 1 day.
      ['Release Planning', { role: 'Release Manager', expected: '1 day', started: '2026-03-02T09:00+01:00', startedAt: '2026-03-02T08:00:00.000Z', ended: '2026-03-03T17:30+01:00', endedAt: '2026-03-03T16:30:00.000Z', took: '1.35 business days', over: true }],
      // Friday 09:00 → Monday 09:00: 1 business day, within 1-2 days.
      ['Pre-Deployment Verification', { role: 'Quality Assurance Lead', expected: '1-2 days', started: '2026-03-06T09:00+01:00', startedAt: '2026-03-06T08:00:00.000Z', ended: '2026-03-09T09:00+01:00', endedAt: '2026-03-09T08:00:00.000Z', took: '1 business day', over: false }],
      // 14:00 → 19:30: 5.5 h > 4 hours.
      ['Deployment Execution', { role: 'DevOps Engineer', expected: '1-4 hours', started: '2026-03-10T14:00+01:00', startedAt: '2026-03-10T13:00:00.000Z', ended: '2026-03-10T19:30+01:00', endedAt: '2026-03-10T18:30:00.000Z', took: '5.5 h', over: true }],
      // Still running: no clock in a build, so started and never overdue.
      ['Post-Deployment Verification', { role: 'Quality Assurance Lead', expected: '2-8 hours', started: '2026-03-10T19:30+01:00', startedAt: '2026-03-10T18:30:00.000Z', ended: null, endedAt: null, took: null, over: null }],
      ['Compliance Note', null],
    ])
    expect(Object.keys(page.stages[4] ?? {})).toEqual(['name', 'anchor', 'done', 'total', 'groups'])
  })

  it('should show the timing in the release page component', () => {
    const component = readFileSync(new URL('../../site/.vitepress/theme/components/ShiplogRelease.vue', import.meta.url), 'utf8')
    expect(component).toContain('<p v-if="stage.timing" class="sl-stage__timing">')
    expect(component).toContain('took {{ stage.timing.took }}')
  })
})
