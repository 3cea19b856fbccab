import { describe, expect, it } from 'vitest'
import { checkRecords } from '../../src/core/check/checkRecords.ts'
import { numericVersionRule, statusGateRule, unfilledPlaceholderRule } from '../../src/core/check/rules/index.ts'
import type { CheckRule } from '../../src/core/check/types.ts'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import { templates } from './deploymentManifest.ts'

const parse = (source: string) => parseRecord(source, { file: 'releases/a.md', templates, defaultTemplate: 'deployment' })
const triples = (result: ReturnType<typeof checkRecords>) => result.diagnostics.map((d) => [d.line, d.ruleId, d.severity])

// Line 9: a required key left unfilled (an error by FORMAT.md §4); line 16: an open item of a
// required group with a placeholder (status-gate and unfilled-placeholder errors); line 20: a
// placeholder in a trigger group of a reached stage (a warning).
const RECORD = [
  '---',
  'release: Checkout',
  'version: "2.4.0"',
  'component: checkout',
  'release_type: minor',
  'environment: production',
  'status: approved',
  'scheduled: 2026-03-04T14:00:00+01:00',
  'owner: "{{owner}}"',
  '---',
  '',
  '## Pre-Deployment Planning',
  '',
  '**Code & Testing**:',
  '',
  '- [ ] Tests passing in {{ci_system}}',
  '',
  '**Rollback Triggers**:',
  '',
  '- [ ] Error rate > {{error_threshold}}%',
  '',
].join('\n')

const RULES = [unfilledPlaceholderRule, statusGateRule]

describe('rule settings', () => {
  it('should report every severity as the rules give it without settings', () => {
    expect(triples(checkRecords([parse(RECORD)], { manifests: templates, rules: RULES }))).toEqual([
      [9, 'unfilled-placeholder', 'error'],
      [16, 'status-gate', 'error'],
      [16, 'unfilled-placeholder', 'error'],
      [20, 'unfilled-placeholder', 'warning'],
    ])
  })

  it('should drop the warnings of unfilled-placeholder set to off but keep the errors FORMAT.md requires', () => {
    const result = checkRecords([parse(RECORD)], { manifests: templates, rules: RULES, settings: { 'unfilled-placeholder': 'off' } })
    expect(triples(result)).toEqual([
      [9, 'unfilled-placeholder', 'error'],
      [16, 'status-gate', 'error'],
      [16, 'unfilled-placeholder', 'error'],
    ])
    expect([result.errors, result.warnings]).toEqual([3, 0])
  })

  it('should raise warnings to errors with error (or 2)', () => {
    for (const setting of ['error', 2] as const) {
      const result = checkRecords([parse(RECORD)], { manifests: templates, rules: RULES, settings: { 'unfilled-placeholder': setting } })
      expect(triples(result)[3]).toEqual([20, 'unfilled-placeholder', 'error'])
      expect([result.errors, result.warnings]).toEqual([4, 0])
    }
  })

  it('should report nothing from a rule that is not the gate set to off (or 0), and follow warn/error', () => {
    const numeric = RECORD.replace('version: "2.4.0"', 'version: 2.4')
    const only = [numericVersionRule]
    expect(triples(checkRecords([parse(numeric)], { manifests: templates, rules: only }))).toEqual([[3, 'numeric-version', 'warning']])
    expect(checkRecords([parse(numeric)], { manifests: templates, rules: only, settings: { 'numeric-version': 'off' } }).diagnostics).toEqual([])
    expect(checkRecords([parse(numeric)], { manifests: templates, rules: only, settings: { 'numeric-version': 0 } }).diagnostics).toEqual([])
    expect(triples(checkRecords([parse(numeric)], { manifests: templates, rules: only, settings: { 'numeric-version': 'error' } }))).toEqual([[3, 'numeric-version', 'error']])
  })

  it('should lower the errors of a rule that is not the gate with warn (or 1)', () => {
    const erring: CheckRule = {
      id: 'duplicate-release',
      description: '',
      severity: 'error',
      docs: '',
      examples: { good: [], bad: [] },
      check: (_record, context) => [context.report({ line: 3, column: 10 }, 'Unexpected duplicate, expected one')],
    }
    for (const setting of ['warn', 1] as const) {
      const result = checkRecords([parse(RECORD)], { rules: [erring], settings: { 'duplicate-release': setting } })
      expect(triples(result)).toEqual([[3, 'duplicate-release', 'warning']])
      expect([result.errors, result.warnings]).toEqual([0, 1])
    }
  })
})
