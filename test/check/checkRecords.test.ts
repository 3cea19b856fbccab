import { describe, expect, it } from 'vitest'
import { checkRecords } from '../../src/core/check/checkRecords.ts'
import { rules } from '../../src/core/check/rules/index.ts'
import type { CheckRule } from '../../src/core/check/types.ts'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import { templates } from './deploymentManifest.ts'

const FRONTMATTER = [
  'release: Checkout',
  'version: "2.4.0"',
  'component: checkout',
  'release_type: minor',
  'environment: production',
  'scheduled: 2026-03-04T14:00:00+01:00',
  'owner: Payments team',
]

const parse = (file: string, source: string) => parseRecord(source, { file, templates, defaultTemplate: 'deployment' })

describe('checkRecords', () => {
  it('should pass parse problems through under their own rule ids', () => {
    const record = parse('releases/a.md', '---\nversion: "1.0.0"\nversion: "1.0.1"\n---\n')
    const result = checkRecords([record], { manifests: templates })
    expect(result.diagnostics.map((d) => [d.line, d.ruleId, d.severity])).toEqual([[3, 'frontmatter-yaml', 'error']])
  })

  it('should sort by file, line and column, and count errors and warnings', () => {
    const report = (line: number, column: number, severity?: 'error' | 'warning'): CheckRule['check'] => (_record, context) => [
      context.report({ line, column }, `Unexpected ${line}:${column}, expected nothing`, severity),
    ]
    const rule = (id: string, check: CheckRule['check']): CheckRule => ({
      id,
      description: '',
      severity: 'warning',
      docs: '',
      examples: { good: [], bad: [] },
      check,
    })
    const records = [parse('releases/b.md', ''), parse('releases/a.md', '')]
    const result = checkRecords(records, {
      rules: [rule('late', report(9, 1)), rule('early', report(2, 5, 'error')), rule('same-line', report(2, 1))],
    })
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.severity}`)).toEqual([
      'releases/a.md:2:1 same-line warning',
      'releases/a.md:2:5 early error',
      'releases/a.md:9:1 late warning',
      'releases/b.md:2:1 same-line warning',
      'releases/b.md:2:5 early error',
      'releases/b.md:9:1 late warning',
    ])
    expect(result).toMatchObject({ files: 2, errors: 2, warnings: 4, paths: ['releases/a.md', 'releases/b.md'] })
  })

  it('should report a complete record as clean', () => {
    const source = ['---', ...FRONTMATTER, 'status: approved', '---', '', '## Pre-Deployment Planning', '', '**Code & Testing**:', '', '- [x] Tests', '', '**Infrastructure**:', '', '- [x] Backups', '', '**Documentation**:', '', '- [X] Notes', ''].join('\n')
    expect(checkRecords([parse('releases/2.4.0.md', source)], { manifests: templates })).toEqual({
      files: 1,
      errors: 0,
      warnings: 0,
      diagnostics: [],
      paths: ['releases/2.4.0.md'],
    })
  })

  it('should not report a value that is an unfilled placeholder twice', () => {
    const source = ['---', ...FRONTMATTER.filter((line) => !line.startsWith('release_type')), 'release_type: "{{release_type}}"', 'status: planned', '---', ''].join('\n')
    const result = checkRecords([parse('releases/2.4.0.md', source)], { manifests: templates })
    expect(result.diagnostics.map((d) => [d.line, d.ruleId, d.severity])).toEqual([[8, 'unfilled-placeholder', 'error']])
  })

  it('should compare the checked records with allRecords but report only on the checked ones', () => {
    const source = ['---', ...FRONTMATTER, 'status: planned', '---', ''].join('\n')
    const changed = parse('releases/2.4.0.md', source)
    const other = parse('releases/2.4.0-copy.md', source)
    const result = checkRecords([changed], { manifests: templates, allRecords: [changed, other] })
    expect(result.diagnostics.map((d) => [d.file, d.line, d.ruleId])).toEqual([['releases/2.4.0.md', 3, 'duplicate-release']])
    expect(result.diagnostics[0]?.message).toBe(
      'Unexpected duplicate record of `checkout` `2.4.0` in `production`, expected one record per component, version and environment (also in `releases/2.4.0-copy.md`)',
    )
    expect(checkRecords([changed], { manifests: templates }).diagnostics).toEqual([])
  })

  it('should run every rule by default', () => {
    expect(rules.map((rule) => rule.id)).toEqual([
      'frontmatter-schema',
      'numeric-version',
      'template-choice',
      'unfilled-placeholder',
      'status-gate',
      'missing-group',
      'unknown-group',
      'signoff',
      'table-shape',
      'table-cell',
      'restored-before-deploy',
      'rollback-without-issue',
      'missing-deploy-time',
      'duplicate-release',
      'overdue-action-item',
      'implausible-date',
    ])
  })
})
