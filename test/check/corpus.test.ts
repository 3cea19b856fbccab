import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { checkRecords } from '../../src/core/check/checkRecords.ts'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import type { ReleaseRecord } from '../../src/core/record/types.ts'
import { templates } from './deploymentManifest.ts'

const CORPUS = fileURLToPath(new URL('../fixtures/check/corpus/', import.meta.url))

function readCorpus(): ReleaseRecord[] {
  const files: string[] = []
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.name.endsWith('.md')) files.push(relative(CORPUS, path).split(sep).join('/'))
    }
  }
  walk(join(CORPUS, 'releases'))
  return files.sort().map((file) => parseRecord(readFileSync(join(CORPUS, file)), { file, templates, defaultTemplate: 'deployment' }))
}

const summary = (records: readonly ReleaseRecord[]) =>
  checkRecords(records, { manifests: templates }).diagnostics.map((d) => ({ file: d.file, line: d.line, rule: d.ruleId, severity: d.severity }))

const COMPLETE = ['releases/checkout/2.3.0.md', 'releases/checkout/2.4.0.md', 'releases/payments/3.0.0.md', 'releases/search/1.8.0.md']
const INCOMPLETE_APPROVED = 'releases/checkout/2.5.0.md'

describe('checkRecords on a corpus written from the deployment template', () => {
  const records = readCorpus()

  it('should read every record without parse problems', () => {
    expect(records.map((record) => record.file)).toEqual([
      'releases/api/1.10.md',
      'releases/checkout/2.3.0.md',
      'releases/checkout/2.4.0.md',
      'releases/checkout/2.5.0.md',
      'releases/payments/3.0.0-again.md',
      'releases/payments/3.0.0.md',
      'releases/search/1.8.0.md',
      'releases/search/1.9.0.md',
    ])
    for (const record of records) expect(record.problems).toEqual([])
  })

  it('should report exactly the diagnostics worked out by hand', () => {
    const expected: unknown = JSON.parse(readFileSync(join(CORPUS, 'expected.json'), 'utf8'))
    expect(summary(records)).toEqual(expected)
    const result = checkRecords(records, { manifests: templates })
    expect(result).toMatchObject({ files: 8, errors: 11, warnings: 7 })
  })

  it('should report errors at the open items of an incomplete approved record among complete ones', () => {
    const subset = records.filter((record) => COMPLETE.includes(record.file) || record.file === INCOMPLETE_APPROVED)
    expect(summary(subset)).toEqual([
      { file: INCOMPLETE_APPROVED, line: 63, rule: 'status-gate', severity: 'error' },
      { file: INCOMPLETE_APPROVED, line: 64, rule: 'status-gate', severity: 'error' },
      { file: INCOMPLETE_APPROVED, line: 73, rule: 'unfilled-placeholder', severity: 'error' },
      { file: INCOMPLETE_APPROVED, line: 81, rule: 'status-gate', severity: 'error' },
    ])
    const messages = checkRecords(subset, { manifests: templates }).diagnostics.map((d) => d.message)
    expect(messages[0]).toBe(
      'Unexpected open item `Code review completed and approved` at status `approved`, expected it checked or marked N/A: `Code & Testing` must be complete from `approved`',
    )
    expect(messages[3]).toBe(
      'Unexpected open item `Runbook updated` at status `approved`, expected it checked or marked N/A: `Documentation` must be complete from `approved`',
    )
  })

  it('should be clean once the incomplete record is removed', () => {
    const complete = records.filter((record) => COMPLETE.includes(record.file))
    expect(complete).toHaveLength(4)
    expect(checkRecords(complete, { manifests: templates })).toEqual({ files: 4, errors: 0, warnings: 0, diagnostics: [], paths: COMPLETE })
  })
})
