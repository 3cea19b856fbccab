import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseRecord, type ParseRecordOptions } from '../../src/core/record/index.ts'
import { parseManifest } from '../../src/core/template/parseManifest.ts'
import type { TemplateManifest } from '../../src/core/template/types.ts'
import { summarizeRecord } from './summarizeRecord.ts'

const root = new URL('../fixtures/record/', import.meta.url)
const bundled = parseManifest(readFileSync(new URL('../../templates/deployment.md', import.meta.url), 'utf8'), 'deployment')
const cases = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()

describe('parseRecord (fixtures)', () => {
  it('should find the fixtures and the bundled manifest', () => {
    expect(cases.length).toBeGreaterThan(25)
    expect(bundled.problems).toEqual([])
  })

  for (const name of cases) {
    const folder = new URL(`${name}/`, root)
    const expected = JSON.parse(readFileSync(new URL('expected.json', folder), 'utf8')) as { should: string }
    it(`should ${expected.should} (${name})`, () => {
      const extra = existsSync(new URL('options.json', folder))
        ? (JSON.parse(readFileSync(new URL('options.json', folder), 'utf8')) as Partial<ParseRecordOptions>)
        : {}
      const templates: { [name: string]: TemplateManifest } = { deployment: bundled.manifest as TemplateManifest, ...extra.templates }
      const input = new Uint8Array(readFileSync(new URL('input.md', folder)))
      const record = parseRecord(input, { ...extra, file: `releases/${name}.md`, templates })
      expect(record.file).toBe(`releases/${name}.md`)
      expect(summarizeRecord(record, expected)).toEqual({ problems: [], ...withoutShould(expected) })
    })
  }
})

function withoutShould(expected: { should: string }): object {
  const { should: _should, ...rest } = expected
  return rest
}
