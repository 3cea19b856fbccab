import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkRecords } from '../../src/core/check/checkRecords.ts'
import { unfilledPlaceholderRule } from '../../src/core/check/rules/unfilled-placeholder.ts'
import { ShiplogError } from '../../src/core/errors.ts'
import { ShiplogMessage } from '../../src/core/message/ShiplogMessage.ts'
import { readTimeline } from '../../src/core/metrics/readTimeline.ts'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import { renderTemplate } from '../../src/core/template/renderTemplate.ts'
import { importConfigModule } from '../../src/node/fs/importConfigModule.ts'
import { record } from '../metrics/loadRecords.ts'

function thrown(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  throw new Error('expected a throw')
}

let dir: string | null = null
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = null
})

describe('one message type', () => {
  it('should give a parse problem as a ShiplogMessage at its file, line and column', () => {
    // Line 3 repeats the key `status` (line 1 is `---`), from column 1.
    const parsed = parseRecord('---\nstatus: planned\nstatus: approved\n---\n', { file: 'releases/1.0.0.md' })
    const [problem] = parsed.problems
    expect(problem).toBeInstanceOf(ShiplogMessage)
    expect(problem?.toJSON()).toEqual({
      file: 'releases/1.0.0.md',
      line: 3,
      column: 1,
      rule: 'frontmatter-yaml',
      severity: 'error',
      message: 'Unexpected duplicate key `status` in frontmatter, expected each key once',
    })
    expect(problem?.source).toBe('shiplog')
  })

  it('should give a check rule\'s report as a ShiplogMessage at its file, line and column', () => {
    // Line 7 is `Owner: {{owner}}`: `Owner: ` is 7 characters, the placeholder starts in column 8.
    const parsed = parseRecord('---\nstatus: planned\n---\n\n# Release\n\nOwner: {{owner}}\n', { file: 'releases/1.0.0.md' })
    const [report] = checkRecords([parsed], { rules: [unfilledPlaceholderRule] }).diagnostics
    expect(report).toBeInstanceOf(ShiplogMessage)
    expect(report?.toJSON()).toEqual({
      file: 'releases/1.0.0.md',
      line: 7,
      column: 8,
      rule: 'unfilled-placeholder',
      severity: 'warning',
      message: 'Unexpected unfilled placeholder `{{owner}}`, expected a value',
    })
    expect(report?.source).toBe('shiplog-check')
  })

  it('should give a metrics warning as a ShiplogMessage at its file, line and column', () => {
    // The first timeline row is line 14 (see test/metrics/readTimeline.test.ts); `| Application
    // deployment | ` is 27 characters, so the Start Time cell `ten` starts in column 28.
    const reading = readTimeline(
      record({ frontmatter: 'scheduled: "2026-03-04T10:00:00Z"', timeline: ['| Application deployment | ten | 11:00 | 1h | Done | |'], file: 'releases/m.md' }),
    )
    const [warning] = reading.problems
    expect(warning).toBeInstanceOf(ShiplogMessage)
    expect([warning?.file, warning?.line, warning?.column, warning?.ruleId, warning?.severity, warning?.source]).toEqual([
      'releases/m.md',
      14,
      28,
      'unreadable-time',
      'warning',
      'shiplog-metrics',
    ])
  })

  it('should throw a template error as a ShiplogMessage (and a ShiplogError) at its file, line and column', () => {
    // Line 3 is `  - {{#unless done}}open`: the unclosed `{{` is in column 5.
    const error = thrown(() => renderTemplate('# Release\n\n  - {{#unless done}}open\n', { file: 'templates/custom.md', values: {} }))
    expect(error).toBeInstanceOf(ShiplogMessage)
    expect(error).toBeInstanceOf(ShiplogError)
    const message = error as ShiplogError
    expect([message.file, message.line, message.column, message.ruleId, message.severity, message.exitCode]).toEqual([
      'templates/custom.md',
      3,
      5,
      'template-syntax',
      'error',
      2,
    ])
    expect(message.message).toBe(`templates/custom.md:3:5: ${message.reason}`)
  })

  it('should throw a configuration that cannot be compiled as a ShiplogMessage at its file, line and column', async () => {
    dir = mkdtempSync(join(tmpdir(), 'shiplog-message-'))
    // Line 2 is `  releases: 'x',,`: two spaces and `releases: 'x',` are 16 characters, the second comma is column 17.
    writeFileSync(join(dir, 'shiplog.config.ts'), "export default {\n  releases: 'x',,\n}\n")
    const error: unknown = await importConfigModule(join(dir, 'shiplog.config.ts')).then(
      () => null,
      (reason: unknown) => reason,
    )
    expect(error).toBeInstanceOf(ShiplogMessage)
    expect(error).toBeInstanceOf(ShiplogError)
    const message = error as ShiplogError
    expect([message.file, message.line, message.column, message.exitCode]).toEqual(['shiplog.config.ts', 2, 17, 2])
    expect(message.message).toBe(`shiplog.config.ts:2:17: ${message.reason}`)
  })
})
