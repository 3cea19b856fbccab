import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkRecords } from '../../src/core/check/checkRecords.ts'
import { rules } from '../../src/core/check/rules/index.ts'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import { renderTemplate } from '../../src/core/template/index.ts'
import { parseManifest } from '../../src/core/template/parseManifest.ts'

const stageGateSource = readFileSync(new URL('../../templates/stage-gate.md', import.meta.url), 'utf8')
const stageGate = parseManifest(stageGateSource, 'stage-gate').manifest!
const templates = { 'stage-gate': stageGate }
const schemaRule = rules.filter((rule) => rule.id === 'frontmatter-schema')

/** A valid stage-gate record whose frontmatter ends with `stagesYaml` (its lines start at line 11). */
function recordWith(stagesYaml: string[]): string {
  return [
    '---', // 1
    'template: stage-gate', // 2
    'release: Portal', // 3
    'version: "1.2.0"', // 4
    'component: portal', // 5
    'release_type: minor', // 6
    'environment: production', // 7
    'status: planned', // 8
    'scheduled: 2026-03-04T14:00:00+01:00', // 9
    'owner: Delivery team', // 10
    ...stagesYaml,
    '---',
    '## Release Planning',
    '## Deployment Execution',
    '',
  ].join('\n')
}

describe('stage times in a record', () => {
  it('should list every planned stage with its role, expected duration and the times written', () => {
    const source = recordWith([
      'stages:', // 11
      '  release planning:', // 12
      '    started: 2026-03-02T09:00+01:00', // 13
      '    ended: 2026-03-03T17:30+01:00', // 14
      '  Deployment Execution: { started: 2026-03-04T14:00:00+01:00 }', // 15
      '  Hypercare: { started: 2026-03-05T09:00Z, ended: 2026-03-06T09:00Z }', // 16
    ])
    const record = parseRecord(source, { file: 'releases/1.2.0.md', templates })
    expect(record.problems).toEqual([])
    expect(record.stageTimes).toEqual([
      // `started` of line 13 starts in column 14 (after `    started: `).
      { name: 'Release Planning', role: 'Release Manager', expected: { min: 1, max: 1, unit: 'days', text: '1 day' }, started: '2026-03-02T09:00+01:00', ended: '2026-03-03T17:30+01:00', line: 13, column: 14 },
      // Neither a frontmatter entry nor a `##` heading: the `stages` key (line 11).
      { name: 'Pre-Deployment Verification', role: 'Quality Assurance Lead', expected: { min: 1, max: 2, unit: 'days', text: '1-2 days' }, started: null, ended: null, line: 11, column: 1 },
      // A flow map: `started`'s value starts in column 36 of line 15.
      { name: 'Deployment Execution', role: 'DevOps Engineer', expected: { min: 1, max: 4, unit: 'hours', text: '1-4 hours' }, started: '2026-03-04T14:00:00+01:00', ended: null, line: 15, column: 36 },
      { name: 'Post-Deployment Verification', role: 'Quality Assurance Lead', expected: { min: 2, max: 8, unit: 'hours', text: '2-8 hours' }, started: null, ended: null, line: 11, column: 1 },
      { name: 'Release Communication and Closure', role: 'Release Manager', expected: { min: 1, max: 1, unit: 'days', text: '1 day' }, started: null, ended: null, line: 11, column: 1 },
      { name: 'Hypercare', role: null, expected: null, started: '2026-03-05T09:00Z', ended: '2026-03-06T09:00Z', line: 16, column: 25 },
    ])
  })

  it('should render the stage keys to fill into a new stage-gate record, and read them back as not started', () => {
    const { text } = renderTemplate(stageGateSource, { values: { release_name: 'Portal' }, file: 'templates/stage-gate.md' })
    expect(text).toContain('stages:\n  Release Planning:\n    started:\n    ended:\n  Pre-Deployment Verification:\n')
    const record = parseRecord(text, { file: 'releases/new.md', templates })
    expect(record.frontmatter.data['stages']).toMatchObject({ 'Release Communication and Closure': { started: null, ended: null } })
    expect(record.stageTimes?.map((s) => [s.name, s.started, s.ended])).toEqual([
      ['Release Planning', null, null],
      ['Pre-Deployment Verification', null, null],
      ['Deployment Execution', null, null],
      ['Post-Deployment Verification', null, null],
      ['Release Communication and Closure', null, null],
    ])
  })

  it('should report a bad date, an unknown key and an end before the start with the file and line', () => {
    const source = recordWith([
      'stages:', // 11
      '  Release Planning:', // 12
      '    started: 2026-03-02 09:00', // 13: a space, not `T`
      '    ended: 2026-02-30T09:00Z', // 14: no such day
      '  Deployment Execution:', // 15
      '    start: 2026-03-04T14:00Z', // 16: `start`, not `started`
      '  Post-Deployment Verification:', // 17
      '    started: 2026-03-04T18:00Z', // 18
      '    ended: 2026-03-04T16:00Z', // 19: before it started
      '  Release Communication and Closure:', // 20
      '    started: 2026-03-05T09:00', // 21: no offset
    ])
    const record = parseRecord(source, { file: 'releases/1.2.0.md', templates })
    expect(record.stageTimes?.[0]).toMatchObject({ name: 'Release Planning', started: null, ended: null })
    const { diagnostics } = checkRecords([record], { manifests: templates, rules: schemaRule })
    expect(diagnostics.map((d) => [d.file, d.line, d.column, d.severity, d.message])).toEqual([
      ['releases/1.2.0.md', 13, 14, 'error', 'Unexpected `2026-03-02 09:00` in `stages.Release Planning.started`, expected an ISO 8601 date-time with offset, e.g. `2026-03-04T14:00:00+01:00`'],
      ['releases/1.2.0.md', 14, 12, 'error', 'Unexpected impossible date `2026-02-30T09:00Z` in `stages.Release Planning.ended`, expected a day that exists in the calendar'],
      ['releases/1.2.0.md', 16, 12, 'error', 'Unexpected key `start` in `stages.Deployment Execution`, expected `started` or `ended`'],
      ['releases/1.2.0.md', 19, 12, 'error', 'Unexpected `ended` `2026-03-04T16:00Z` before `started` `2026-03-04T18:00Z` in `stages.Post-Deployment Verification`, expected the stage to end after it started'],
      ['releases/1.2.0.md', 21, 14, 'warning', 'Unexpected date-time `2026-03-05T09:00` without an offset in `stages.Release Communication and Closure.started`, expected an offset such as `Z` or `+01:00` (read as UTC)'],
    ])
  })

  it('should refuse a stage entry that is not a map', () => {
    const record = parseRecord(recordWith(['stages:', '  Release Planning: yesterday']), { file: 'releases/1.2.0.md', templates })
    const { diagnostics } = checkRecords([record], { manifests: templates, rules: schemaRule })
    expect(diagnostics.map((d) => [d.line, d.message])).toEqual([
      [12, 'Unexpected `yesterday` in `stages.Release Planning`, expected a map `{started, ended}` of ISO 8601 date-times'],
    ])
  })
})
