import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { planRecord } from '../../src/core/new/planRecord.ts'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import { parseManifest } from '../../src/core/template/parseManifest.ts'
import type { TemplateManifest } from '../../src/core/template/types.ts'

const source = readFileSync(new URL('../../templates/deployment.md', import.meta.url), 'utf8')
const manifest = parseManifest(source, 'deployment').manifest as TemplateManifest
const template = { name: 'deployment', file: 'templates/deployment.md', source, manifest }

function plan(values: { [name: string]: unknown }, origins?: { [name: string]: string }) {
  return planRecord({ template, version: '2.0.0', values, ...(origins ? { origins } : {}), releasesDir: 'releases', fileName: '{version}.md', now: new Date('2026-05-04T12:00:00Z') })
}

/** The cells of a table's filled rows, as the record parser reads them. */
function rowsOf(text: string, heading: string): string[][] {
  const record = parseRecord(text, { file: 'releases/2.0.0.md', templates: { deployment: manifest } })
  const table = record.tables.find((candidate) => candidate.heading === heading)
  return (table?.rows ?? []).map((row) => row.list.map((cell) => cell.text))
}

/** The items of the bullet list under `### heading`. */
function listUnder(text: string, heading: string): string[] {
  const start = text.indexOf(`### ${heading}\n`)
  const section = text.slice(start).split('\n').slice(1)
  const items: string[] = []
  for (const line of section) {
    if (line.startsWith('### ') || line.startsWith('## ')) break
    if (line.startsWith('- ')) items.push(line.slice(2))
  }
  return items
}

describe('the deployment template fills each risk row and each improvement list on its own', () => {
  it('should render distinct probability, impact, mitigation and owner per risk row', () => {
    const { text, warnings } = plan({
      owner: 'payments-team',
      risk_1: 'Cache cold start',
      risk_1_probability: 'high',
      risk_1_impact: 'low',
      risk_1_mitigation: 'Warm the cache',
      risk_1_owner: 'Ana',
      risk_2: 'Schema lock',
      risk_2_probability: 'low',
      risk_2_impact: 'high',
      risk_2_mitigation: 'Online migration',
      risk_2_owner: 'Bo',
      risk_3: 'Card API limits',
      risk_3_probability: 'medium',
      risk_3_impact: 'medium',
      risk_3_mitigation: 'Back-off',
      risk_3_owner: 'Chen',
    })
    expect(warnings).toEqual([])
    expect(rowsOf(text, 'Risk Assessment')).toEqual([
      ['Cache cold start', 'high', 'low', 'Warm the cache', 'Ana'],
      ['Schema lock', 'low', 'high', 'Online migration', 'Bo'],
      ['Card API limits', 'medium', 'medium', 'Back-off', 'Chen'],
    ])
  })

  it('should fill Technical Improvements and What Could Be Improved from their own variables', () => {
    const { text } = plan({ technical_improvement_1: 'Faster builds', retro_improvement_1: 'Announce the window earlier' })
    expect(listUnder(text, 'Technical Improvements')).toEqual(['Faster builds', '{{technical_improvement_2}}', '{{technical_improvement_3}}'])
    expect(listUnder(text, 'What Could Be Improved')).toEqual(['Announce the window earlier', '{{retro_improvement_2}}', '{{retro_improvement_3}}'])
  })

  it('should keep filling what the former names filled, with one warning per former name naming the new names', () => {
    const { text, warnings } = plan(
      { owner: 'payments-team', risk_1: 'Cache cold start', probability: 'medium', impact: 'high', mitigation: 'Feature flag', improvement_1: 'Faster builds' },
      { probability: '--set probability=medium', impact: 'values.yaml:2:9' },
    )
    // As before the rename: every risk row gets the one probability, impact and mitigation, and the
    // record's owner; improvement_1 fills the first item of both lists.
    expect(rowsOf(text, 'Risk Assessment')).toEqual([
      ['Cache cold start', 'medium', 'high', 'Feature flag', 'payments-team'],
      ['{{risk_2}}', 'medium', 'high', 'Feature flag', 'payments-team'],
      ['{{risk_3}}', 'medium', 'high', 'Feature flag', 'payments-team'],
    ])
    expect(listUnder(text, 'Technical Improvements')[0]).toBe('Faster builds')
    expect(listUnder(text, 'What Could Be Improved')[0]).toBe('Faster builds')
    // `owner` is still a variable of its own: no warning for it.
    expect(warnings).toEqual([
      'Warning: --set probability=medium: deprecated variable `probability` of template deployment: its value fills risk_1_probability, risk_2_probability, risk_3_probability; expected those names',
      'Warning: values.yaml:2:9: deprecated variable `impact` of template deployment: its value fills risk_1_impact, risk_2_impact, risk_3_impact; expected those names',
      'Warning: deprecated variable `mitigation` of template deployment: its value fills risk_1_mitigation, risk_2_mitigation, risk_3_mitigation; expected those names',
      'Warning: deprecated variable `improvement_1` of template deployment: its value fills technical_improvement_1, retro_improvement_1; expected those names',
    ])
  })

  it('should let a new name given beside a former one win in its own cell', () => {
    const { text } = plan({ probability: 'medium', risk_2_probability: 'low', owner: 'payments-team', risk_3_owner: 'Chen' })
    expect(rowsOf(text, 'Risk Assessment').map((row) => [row[1], row[4]])).toEqual([
      ['medium', 'payments-team'],
      ['low', 'payments-team'],
      ['medium', 'Chen'],
    ])
  })
})

describe('renamed: in a manifest', () => {
  it('should read a name or a list, and warn about a target that is not a declared variable', () => {
    const { manifest: read, problems } = parseManifest(
      ['{{!--', 'shiplog:', '  description: Mini', '  variables:', '    a_1: { description: A }', '    b_1: { description: B }', '  renamed:', '    a: a_1', '    b: [b_1, b_9]', '--}}', '{{a_1}} {{b_1}}', ''].join('\n'),
      'mini',
    )
    expect(read?.renamed).toEqual({ a: ['a_1'], b: ['b_1'] })
    // `b:` stands on line 9, its value in column 8.
    expect(problems.map((p) => [p.line, p.column, p.severity, p.reason])).toEqual([
      [9, 8, 'warning', 'Unexpected `renamed.b` target `b_9`, expected a variable declared under `variables`'],
    ])
  })
})
