import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseManifest } from '../../src/core/template/index.ts'
import { parseExpectedDuration } from '../../src/core/template/parseExpectedDuration.ts'

const stageGate = readFileSync(new URL('../../templates/stage-gate.md', import.meta.url), 'utf8')

/** A manifest with `stages` lines after line 4, and a body with the headings `## Build` and `## Ship`. */
function manifestWith(...stageLines: string[]): string {
  return ['{{!--', 'shiplog:', '  description: Stages', '  stages:', ...stageLines, '--}}', '---', 'template: t', '---', '## Build', '## Ship', ''].join('\n')
}

describe('parseExpectedDuration', () => {
  it('should read a number or a range with a unit', () => {
    expect(parseExpectedDuration('1 day')).toEqual({ min: 1, max: 1, unit: 'days', text: '1 day' })
    expect(parseExpectedDuration(' 1-2 days ')).toEqual({ min: 1, max: 2, unit: 'days', text: '1-2 days' })
    expect(parseExpectedDuration('1–4 hours')).toEqual({ min: 1, max: 4, unit: 'hours', text: '1–4 hours' })
    expect(parseExpectedDuration('0.5 h')).toEqual({ min: 0.5, max: 0.5, unit: 'hours', text: '0.5 h' })
    expect(parseExpectedDuration('3 business days')).toEqual({ min: 3, max: 3, unit: 'days', text: '3 business days' })
    expect(parseExpectedDuration('2 Hours')).toEqual({ min: 2, max: 2, unit: 'hours', text: '2 Hours' })
  })

  it('should refuse a duration without a unit, an unknown unit, a reversed range or zero', () => {
    expect(parseExpectedDuration('2')).toEqual({ reason: 'Unexpected duration `2`, expected a number or a range and a unit, e.g. `1 day`, `1-2 days`, `1-4 hours`' })
    expect(parseExpectedDuration('2 weeks')).toMatchObject({ reason: expect.stringContaining('Unexpected duration `2 weeks`') })
    expect(parseExpectedDuration('4-1 hours')).toEqual({ reason: 'Unexpected range `4-1 hours`, expected the smaller number first (`1-4`)' })
    expect(parseExpectedDuration('0 days')).toEqual({ reason: 'Unexpected duration `0 days`, expected more than 0' })
    expect(parseExpectedDuration('one day')).toMatchObject({ reason: expect.stringContaining('Unexpected duration `one day`') })
  })
})

describe('parseManifest stages', () => {
  it('should read the roles and durations of the bundled stage-gate template, from its prose', () => {
    const { manifest, problems } = parseManifest(stageGate, 'fallback')
    expect(problems).toEqual([])
    expect(manifest?.stages).toEqual([
      { stage: 'Release Planning', role: 'Release Manager', expected: { min: 1, max: 1, unit: 'days', text: '1 day' } },
      { stage: 'Pre-Deployment Verification', role: 'Quality Assurance Lead', expected: { min: 1, max: 2, unit: 'days', text: '1-2 days' } },
      { stage: 'Deployment Execution', role: 'DevOps Engineer', expected: { min: 1, max: 4, unit: 'hours', text: '1-4 hours' } },
      { stage: 'Post-Deployment Verification', role: 'Quality Assurance Lead', expected: { min: 2, max: 8, unit: 'hours', text: '2-8 hours' } },
      { stage: 'Release Communication and Closure', role: 'Release Manager', expected: { min: 1, max: 1, unit: 'days', text: '1 day' } },
    ])
  })

  it('should leave `stages` out of a manifest that declares none', () => {
    const { manifest } = parseManifest('{{!--\nshiplog:\n  description: None\n--}}\n', 'none')
    expect(manifest?.stages).toBeUndefined()
  })

  it('should read a role alone or a duration alone', () => {
    const { manifest, problems } = parseManifest(manifestWith('    Build: { role: Developer }', '    ship: { expected: 2 h }'), 't')
    expect(problems).toEqual([])
    expect(manifest?.stages).toEqual([
      { stage: 'Build', role: 'Developer', expected: null },
      { stage: 'ship', role: null, expected: { min: 2, max: 2, unit: 'hours', text: '2 h' } },
    ])
  })

  it('should report bad durations at their line and column, naming the stage, and leave the stage out', () => {
    const { manifest, problems } = parseManifest(
      manifestWith('    Build: { role: Developer, expected: 2 weeks }', '    Ship: { expected: 4-1 hours }'),
      't',
    )
    expect(manifest?.stages).toEqual([])
    // Line 5: `    Build: { role: Developer, expected: 2 weeks }`: `2 weeks` starts in column 41.
    // Line 6: `    Ship: { expected: 4-1 hours }`: `4-1 hours` starts in column 23.
    expect(problems.map((p) => [p.line, p.column, p.severity, p.ruleId, p.reason])).toEqual([
      [5, 41, 'error', 'template-manifest', 'Unexpected duration `2 weeks`, expected a number or a range and a unit, e.g. `1 day`, `1-2 days`, `1-4 hours` (stage `Build`)'],
      [6, 23, 'error', 'template-manifest', 'Unexpected range `4-1 hours`, expected the smaller number first (`1-4`) (stage `Ship`)'],
    ])
  })

  it('should report a number without unit, a role that is not text, an unknown key and a stage that is not a map', () => {
    const { manifest, problems } = parseManifest(
      manifestWith('    Build: { expected: 3 }', '    Ship: { role: [a, b] }', '    Deploy: { owner: Ops }', '    Verify: 1 day'),
      't',
    )
    expect(manifest?.stages).toEqual([])
    expect(problems.map((p) => [p.line, p.severity, p.reason])).toEqual([
      [5, 'error', 'Unexpected duration 3 of stage `Build`, expected a number or a range and a unit, e.g. `1 day`, `1-2 days`, `1-4 hours`'],
      [6, 'error', 'Unexpected role ["a","b"] of stage `Ship`, expected who is responsible (a name, e.g. Release Manager)'],
      [7, 'error', 'Unexpected key `owner` in stage `Deploy`, expected `role` or `expected`'],
      [8, 'error', 'Expected stage `Verify` to be a map { role, expected }, e.g. { role: Release Manager, expected: 1-2 days }'],
    ])
  })

  it('should refuse `stages` that is not a map', () => {
    const { problems } = parseManifest(manifestWith('    - Build'), 't')
    expect(problems.map((p) => [p.line, p.reason])).toEqual([[5, 'Expected `stages` to be a map of stage name → { role, expected }']])
  })

  it('should warn about a stage the template has no `##` heading for', () => {
    const { manifest, problems } = parseManifest(manifestWith('    Biuld: { role: Developer }'), 't')
    expect(manifest?.stages).toEqual([{ stage: 'Biuld', role: 'Developer', expected: null }])
    expect(problems.map((p) => [p.line, p.column, p.severity, p.reason])).toEqual([
      [5, 12, 'warning', "Unexpected stage `Biuld` in `stages`, expected the text of one of the template's `##` headings"],
    ])
  })
})
