import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { checkRecords } from '../../src/core/check/checkRecords.ts'
import { formatGithub } from '../../src/core/check/format/github.ts'
import { formatJson } from '../../src/core/check/format/json.ts'
import { formatJunit } from '../../src/core/check/format/junit.ts'
import { formatText } from '../../src/core/check/format/text.ts'
import { readRecords } from '../../src/node/fs/readRecords.ts'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import { templates } from './deploymentManifest.ts'
import { parseXml } from './parseXml.ts'
import { jsonOf } from '../helpers/messages.ts'

const inputs: { [name: string]: string | Uint8Array } = {
  'malformed-yaml': '---\nstatus: [approved\nversion: "1.0.0\n---\n# x\n',
  'yaml-list': '---\n- a\n- b\n---\n',
  'js-engine': '---js\n{ status: require("fs").writeFileSync("/tmp/pwned", "x") }\n---\n',
  unclosed: '---\nstatus: approved\n',
  binary: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
  'invalid-utf8': new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]),
  empty: '',
  whitespace: '\n\n   \n',
  'crlf-bom': '\ufeff---\r\nstatus: approved\r\ntemplate: deployment\r\n---\r\n\r\n## Pre-Deployment Planning\r\n\r\n**Code & Testing**:\r\n\r\n- [ ] Tests\r\n',
  'deep-nesting': `${'> '.repeat(1500)}x\n${'- '.repeat(1000)}[ ] y\n`,
  'long-line': `---\nstatus: approved\n---\n${'|a'.repeat(10_000)}|\n|${'-|'.repeat(10_000)}\n${'{{x}}'.repeat(5_000)}\n`,
  'alias-bomb': '---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n---\n',
  'odd-values': '---\nstatus: {a: 1}\nversion: [1, 2]\nchanges: {id: x}\nscheduled: true\nrestored_at: [x]\nincident: ~\ncomponent: null\n---\n',
}

describe('checkRecords on hostile input', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'shiplog-check-'))
  afterAll(() => rmSync(tmp, { recursive: true, force: true }))

  for (const [name, source] of Object.entries(inputs)) {
    it(`should report ${name} with a file and a line, never throw`, () => {
      const file = `releases/${name}.md`
      const record = parseRecord(source, { file, templates, defaultTemplate: 'deployment' })
      const result = checkRecords([record], { manifests: templates })
      expect(result.diagnostics.length).toBeGreaterThan(0)
      for (const d of result.diagnostics) {
        expect(d.file).toBe(file)
        expect(d.line).toBeGreaterThanOrEqual(1)
        expect(d.column).toBeGreaterThanOrEqual(1)
        expect(d.ruleId).not.toBe('internal-error')
      }
      // Every format copes with whatever the messages hold.
      expect(() => JSON.parse(formatJson(result))).not.toThrow()
      expect(() => parseXml(formatJunit(result))).not.toThrow()
      expect(formatText(result)).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/)
      for (const line of formatGithub(result).split('\n').filter(Boolean)) expect(line).toMatch(/^::(error|warning) file=[^:]+,line=\d+,col=\d+,title=[a-z-]+::/)
    })
  }

  it('should surface one error, not a cascade, for unreadable frontmatter', () => {
    const record = parseRecord(inputs['js-engine']!, { file: 'releases/js.md', templates })
    expect(checkRecords([record], { manifests: templates }).diagnostics.map((d) => [d.line, d.ruleId, d.severity])).toEqual([[1, 'frontmatter-engine', 'error']])
  })

  it('should report an empty file as a record without frontmatter at line 1', () => {
    const record = parseRecord('', { file: 'releases/empty.md', templates })
    expect(checkRecords([record], { manifests: templates }).diagnostics.map((d) => [d.line, d.ruleId, d.severity])).toEqual([[1, 'frontmatter-schema', 'error']])
  })

  it('should report a file too large to read (through readRecords) at line 1', async () => {
    const path = join(tmp, 'huge.md')
    writeFileSync(path, '')
    truncateSync(path, 17 * 1024 * 1024) // sparse: no 17 MiB written
    const records = await readRecords(tmp, ['huge.md'], { templates, defaultTemplate: 'deployment' })
    const result = checkRecords(records, { manifests: templates })
    expect(result.diagnostics.map((d) => [d.file, d.line, d.ruleId, d.severity])).toEqual([['huge.md', 1, 'file-size', 'error']])
  })

  it('should turn a rule that throws into an internal-error diagnostic', () => {
    const record = parseRecord('---\nstatus: approved\n---\n', { file: 'releases/a.md', templates })
    const broken = {
      id: 'broken',
      description: 'Always throws.',
      severity: 'warning' as const,
      docs: '',
      examples: { good: [], bad: [] },
      check: (): never => {
        throw new Error('boom')
      },
    }
    expect(jsonOf(checkRecords([record], { rules: [broken] }).diagnostics)).toEqual([
      {
        file: 'releases/a.md',
        line: 1,
        column: 1,
        rule: 'internal-error',
        severity: 'error',
        message: 'Unexpected failure of rule `broken` (boom), expected a report: please file a bug',
      },
    ])
  })
})
