import { describe, expect, it } from 'vitest'
import { checkRecords } from '../../src/core/check/checkRecords.ts'
import { nextStatus } from '../../src/core/lifecycle/nextStatus.ts'
import { openItemsAt } from '../../src/core/lifecycle/openItemsAt.ts'
import { requiredAt } from '../../src/core/lifecycle/requiredAt.ts'
import { STATUSES } from '../../src/core/lifecycle/statuses.ts'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import type { Group, ReleaseRecord } from '../../src/core/record/types.ts'
import { openItemsOf } from '../../src/core/site/openItemsOf.ts'
import { releasePageOf } from '../../src/core/site/releasePageOf.ts'
import { computeProgress } from '../../src/core/status/computeProgress.ts'
import type { TemplateManifest } from '../../src/core/template/types.ts'
import { templates } from '../check/deploymentManifest.ts'

/** A team's template whose trigger group carries a gate (`check --templates` warns; records still use it). */
const watch: TemplateManifest = {
  name: 'watch',
  description: 'A trigger group with a gate',
  variables: {},
  groups: [
    { stage: 'Ship', group: 'Before', role: 'task', gate: 'approved' },
    { stage: 'Ship', group: 'Watch', role: 'trigger', gate: 'approved' },
  ],
  tables: { timeline: 'Deployment Timeline', issues: 'Issues Encountered' },
}

function watchRecord(): ReleaseRecord {
  const source = [
    '---', //                                   1
    'template: watch', //                       2
    'status: approved', //                      3
    '---', //                                   4
    '', //                                      5
    '## Ship', //                               6
    '', //                                      7
    '**Before**:', //                           8
    '', //                                      9
    '- [x] Tests pass', //                     10
    '', //                                     11
    '**Watch**:', //                           12
    '', //                                     13
    '- [ ] Error rate above {{threshold}}', // 14
    '',
  ].join('\n')
  return parseRecord(source, { file: 'releases/watch.md', templates: { watch } })
}

/** A deployment record at `approved`: Code & Testing done but one item, Pre-Deployment (gate in-progress) open. */
function approvedRecord(status = 'approved'): ReleaseRecord {
  const source = [
    '---', //                                          1
    'template: deployment', //                         2
    `status: ${status}`, //                            3
    '---', //                                          4
    '', //                                             5
    '## Pre-Deployment Planning', //                   6
    '', //                                             7
    '**Code & Testing**:', //                          8
    '', //                                             9
    '- [x] All automated tests passing', //           10
    '- [ ] Code review completed', //                 11
    '- [ ] N/A: no E2E suite', //                     12
    '', //                                            13
    '**Rollback Validation**:', //                    14
    '', //                                            15
    '- [ ] Previous version functional', //          16
    '', //                                            17
    '## Deployment Execution', //                     18
    '', //                                            19
    '**Pre-Deployment**:', //                         20
    '', //                                            21
    '- [ ] Deployment window confirmed', //          22
    '- [x] Team notified', //                         23
    '', //                                            24
    '**During Deployment**:', //                      25
    '', //                                            26
    '- [ ] Application deployed', //                 27
    '',
  ].join('\n')
  return parseRecord(source, { file: 'releases/approved.md', templates })
}

function group(record: ReleaseRecord, name: string): Group {
  const found = record.stages.flatMap((stage) => stage.groups).find((candidate) => candidate.name === name)
  if (!found) throw new Error(`no group ${name}`)
  return found
}

describe('the record model carries the normalised lifecycle', () => {
  it('should give the record its normalised status and each group whether that status requires it', () => {
    const record = approvedRecord('" Approved "')
    expect(record.status).toBe('approved')
    // Code & Testing is gated at approved; Pre-Deployment at in-progress; Rollback Validation only while rolled-back.
    expect(group(record, 'Code & Testing').required).toBe(true)
    expect(group(record, 'Pre-Deployment').required).toBe(false)
    expect(group(record, 'Rollback Validation').required).toBe(false)
    expect(parseRecord('---\nstatus: shipped\n---\n', { file: 'releases/x.md' }).status).toBeNull()
    expect(parseRecord(new Uint8Array([0xff]), { file: 'releases/x.md' }).status).toBeNull()
  })

  it('should hold every reader to one `required`: a trigger group with a gate is never required', () => {
    const record = watchRecord()
    expect(group(record, 'Watch').required).toBe(false)
    const result = checkRecords([record], { manifests: { watch } })
    // status-gate: nothing open in a required group (line 14 is a trigger).
    expect(result.diagnostics.filter((d) => d.ruleId === 'status-gate')).toEqual([])
    // unfilled-placeholder: `{{threshold}}` is outside any required group, so a warning.
    expect(result.diagnostics.filter((d) => d.ruleId === 'unfilled-placeholder').map((d) => [d.line, d.severity])).toEqual([[14, 'warning']])
    // status: the trigger group is not required.
    const progress = computeProgress(record)
    expect(progress.stages[0]?.groups.map((g) => [g.name, g.required])).toEqual([
      ['Before', true],
      ['Watch', false],
    ])
    // site: no open item, the page's required flags agree with status.
    expect(openItemsOf(record, { id: 'watch', href: '/watch', title: 'Watch' })).toEqual([])
    const page = releasePageOf(record, { id: 'watch' })
    expect(page.summary.openRequired).toBe(0)
    expect(page.stages[0]?.groups.map((g) => [g.name, g.required])).toEqual([
      ['Before', true],
      ['Watch', false],
    ])
  })

  it('should answer "required at S" for any status S, not only the record\'s own', () => {
    const record = approvedRecord()
    const preDeployment = group(record, 'Pre-Deployment') // gate in-progress
    const rollbackValidation = group(record, 'Rollback Validation') // gate rolled-back, active only while rolled-back
    expect(STATUSES.filter((status) => requiredAt(preDeployment, status))).toEqual(['in-progress', 'deployed', 'verified', 'closed', 'rolled-back', 'failed'])
    expect(requiredAt(preDeployment, null)).toBe(false)
    // inactive at `approved`, so required nowhere while the record says `approved`
    expect(STATUSES.filter((status) => requiredAt(rollbackValidation, status))).toEqual([])
    expect(STATUSES.filter((status) => requiredAt(group(approvedRecord('rolled-back'), 'Rollback Validation'), status))).toEqual(['rolled-back'])
  })

  it('should list the items standing between a record and its status, and its next status', () => {
    const record = approvedRecord()
    const open = (status: Parameters<typeof openItemsAt>[1]): Array<[string, number]> =>
      openItemsAt(record, status).map(({ group: g, item }) => [g.name, item.line])
    // at approved: Code & Testing's open item (line 11; line 12 is N/A)
    expect(open(record.status)).toEqual([['Code & Testing', 11]])
    // at in-progress (the next status): Pre-Deployment's open item too
    expect(nextStatus(record.status)).toBe('in-progress')
    expect(open(nextStatus(record.status))).toEqual([
      ['Code & Testing', 11],
      ['Pre-Deployment', 22],
    ])
    // at deployed: During Deployment's too
    expect(open('deployed')).toEqual([
      ['Code & Testing', 11],
      ['Pre-Deployment', 22],
      ['During Deployment', 27],
    ])
    expect(open('cancelled')).toEqual([])
    expect(open(null)).toEqual([])
    // status-gate reports exactly the open items at the record's status
    const gate = checkRecords([record], { manifests: templates }).diagnostics.filter((d) => d.ruleId === 'status-gate')
    expect(gate.map((d) => d.line)).toEqual([11])
  })
})

describe('nextStatus', () => {
  it('should step along the linear lifecycle and stop at closed and the end states', () => {
    expect(nextStatus('planned')).toBe('approved')
    expect(nextStatus('approved')).toBe('in-progress')
    expect(nextStatus('in-progress')).toBe('deployed')
    expect(nextStatus('deployed')).toBe('verified')
    expect(nextStatus('verified')).toBe('closed')
    for (const status of ['closed', 'rolled-back', 'failed', 'cancelled'] as const) expect(nextStatus(status)).toBeNull()
    expect(nextStatus(null)).toBeNull()
  })
})
