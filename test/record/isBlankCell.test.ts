import { describe, expect, it } from 'vitest'
import { checkRecords } from '../../src/core/check/checkRecords.ts'
import { computeMetrics } from '../../src/core/metrics/computeMetrics.ts'
import { readTimeline } from '../../src/core/metrics/readTimeline.ts'
import { isBlankCell, isNoValueCell, isUnfilledCell } from '../../src/core/record/isBlankCell.ts'
import { parseRecord } from '../../src/core/record/parseRecord.ts'

describe('isUnfilledCell', () => {
  it('should read empty cells as unfilled', () => {
    expect(isUnfilledCell('')).toBe(true)
    expect(isUnfilledCell('   ')).toBe(true)
  })

  it('should read cells of only placeholders, symbols and attached units as unfilled', () => {
    expect(isUnfilledCell('{{x}}')).toBe(true)
    expect(isUnfilledCell('{{ app_end }}')).toBe(true)
    expect(isUnfilledCell('{{x}}%')).toBe(true)
    expect(isUnfilledCell('< {{y}}ms')).toBe(true)
    expect(isUnfilledCell('{{a}} / {{b}}')).toBe(true)
    expect(isUnfilledCell('{{a}} {{b}}x')).toBe(true) // `x` is written against `{{b}}`: its unit
  })

  it('should read cells with text outside placeholders as filled', () => {
    expect(isUnfilledCell('Error Rate')).toBe(false)
    expect(isUnfilledCell('-')).toBe(false)
    expect(isUnfilledCell('< 5%')).toBe(false)
    expect(isUnfilledCell('{{x}} hours')).toBe(false)
    expect(isUnfilledCell('${{ secrets.X }}')).toBe(false)
    expect(isUnfilledCell('{{ .Values.x }}')).toBe(false)
  })
})

describe('isNoValueCell', () => {
  it.each(['-', '--', '–', '—', '_', '?', '???', '...', '…', 'N/A', 'n/a', 'NA', 'none', 'TBD', 'tba', 'TODO', 'Pending', 'unknown', ' N/A '])(
    'should read %j as saying there is no value',
    (text) => {
      expect(isNoValueCell(text)).toBe(true)
    },
  )

  it.each(['', '{{x}}', '0', '14:05', 'TBD 14:00', 'N/A: skipped', 'nan', '-5m'])('should not read %j as saying there is no value', (text) => {
    expect(isNoValueCell(text)).toBe(false)
  })
})

describe('isBlankCell', () => {
  it.each(['', '  ', '-', '—', 'N/A', 'none', 'TBD', 'tba', 'Pending', 'unknown', '?', '{{app_end}}', '{{ app_end }}', '{{rate}}%', '{{a}} {{b}}x'])(
    'should read %j as blank',
    (text) => {
      expect(isBlankCell(text)).toBe(true)
    },
  )

  it.each(['14:05', '45m', '0', 'TBD 14:00', '{{x}} hours', '{{ .Values.tag }}'])('should not read %j as blank', (text) => {
    expect(isBlankCell(text)).toBe(false)
  })
})

describe('one blank-cell rule for the record, metrics and check', () => {
  // A deployed record whose timeline has a filled first row, then cells left as placeholders with
  // units (`{{deploy_minutes}}m`) or saying nothing (`unknown`, `?`).
  const source = [
    '---', //                                                                      1
    'release: Blank cells',
    'version: "1.0.0"',
    'component: api',
    'release_type: minor',
    'environment: production',
    'status: deployed',
    'scheduled: "2026-03-04T14:00:00+01:00"',
    'owner: Ops',
    '---', //                                                                     10
    '',
    '## Deployment Execution',
    '',
    '### Deployment Timeline',
    '',
    '| Phase | Start Time | End Time | Duration |', //                              16
    '|-------|------------|----------|----------|',
    '| Application deployment | 14:05 | 14:35 | 30m |', //                        18
    '| Smoke tests | 14:35 | 14:50 | {{smoke_minutes}}m |', //                    19
    '| Cleanup | unknown | ? | unknown |', //                                      20
    '',
  ].join('\n')
  const record = parseRecord(source, { file: 'releases/api/1.0.0.md' })

  it('should read no cell of those rows as unreadable, in metrics or in check', () => {
    const timeline = readTimeline(record)
    expect(timeline.problems).toEqual([])
    // row 19: Duration blank, so End − Start = 15 min; row 20: nothing recorded
    expect(timeline.rows.map((row) => [row.phase, row.minutes, row.empty])).toEqual([
      ['Application deployment', 30, false],
      ['Smoke tests', 15, false],
      ['Cleanup', null, true],
    ])
    expect(checkRecords([record]).diagnostics.filter((d) => d.ruleId === 'table-cell')).toEqual([])
    expect(computeMetrics([record]).warnings).toEqual([])
  })
})
