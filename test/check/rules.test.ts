import { describe, expect, it } from 'vitest'
import { checkRecords } from '../../src/core/check/checkRecords.ts'
import { EXAMPLE_FILE, EXAMPLE_TODAY, exampleRecords } from '../../src/core/check/exampleRecords.ts'
import { rules } from '../../src/core/check/rules/index.ts'
import { templates } from './deploymentManifest.ts'

describe('rules', () => {
  it('should have unique kebab-case ids, a description, docs and examples of both kinds', () => {
    const ids = rules.map((rule) => rule.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const rule of rules) {
      expect(rule.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/)
      expect(rule.description.length).toBeGreaterThan(10)
      expect(rule.docs.length).toBeGreaterThan(10)
      expect(rule.examples.good.length).toBeGreaterThan(0)
      expect(rule.examples.bad.length).toBeGreaterThan(0)
    }
  })

  for (const rule of rules) {
    describe(rule.id, () => {
      rule.examples.good.forEach((input, index) => {
        it(`should accept good example ${index + 1}`, () => {
          const records = exampleRecords(input, templates)
          for (const record of records) expect(record.problems).toEqual([])
          const result = checkRecords(records, { manifests: templates, rules: [rule], today: EXAMPLE_TODAY })
          expect(result.diagnostics).toEqual([])
        })
      })
      rule.examples.bad.forEach((example, index) => {
        it(`should report bad example ${index + 1} exactly`, () => {
          const records = exampleRecords(example.input, templates)
          for (const record of records) expect(record.problems).toEqual([])
          const result = checkRecords(records, { manifests: templates, rules: [rule], today: EXAMPLE_TODAY })
          const actual = result.diagnostics.map((d) => ({ file: d.file, line: d.line, rule: d.ruleId, severity: d.severity }))
          const expected = example.expected
            .map((e) => ({ file: e.file ?? EXAMPLE_FILE, line: e.line, rule: rule.id, severity: e.severity }))
            .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line))
          expect(actual).toEqual(expected)
          for (const d of result.diagnostics) expect(d.message).toMatch(/^Unexpected .+, expected /)
        })
      })
    })
  }
})
