import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BODY_LIMITS, checkBodyLimits } from '../../src/core/record/checkBodyLimits.ts'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import { splitFrontmatter } from '../../src/core/record/splitFrontmatter.ts'
import { REPO_ROOT } from '../helpers/runCli.ts'
import { problemsOf } from '../helpers/messages.ts'

const NOT_READ = 'the body is not read (see "Limits" in docs/record-format.md)'

function records(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? records(join(dir, name)) : [join(dir, name)]))
}

describe('checkBodyLimits', () => {
  it('should pass every bundled record, even eight times over', () => {
    for (const file of records(join(REPO_ROOT, 'releases'))) {
      const { body, endLine } = splitFrontmatter(readFileSync(file, 'utf8'))
      const firstLine = (endLine ?? 0) + 1
      expect(checkBodyLimits(body, firstLine), file).toBeNull()
      expect(checkBodyLimits(body + body.slice(body.indexOf('\n#')).repeat(7), firstLine), file).toBeNull()
    }
  })

  it('should refuse a body over 256 KiB at its first line', () => {
    const body = '\n\n\n' + 'x'.repeat(BODY_LIMITS.characters)
    expect(problemsOf([checkBodyLimits(body, 4)!])[0]).toEqual({
      line: 4,
      column: 1,
      rule: 'markdown',
      severity: 'error',
      message: `Unexpected Markdown body of 262,147 characters, expected at most 262,144 (256 KiB): ${NOT_READ}`,
    })
  })

  it('should refuse a body of more than 5,000 lines, counting from its first line', () => {
    // Three frontmatter lines (emptied) and 5,001 body lines.
    const body = '\n\n\n' + 'x\n'.repeat(5_000) + 'x'
    expect(checkBodyLimits(body, 4)?.message).toBe(`Unexpected Markdown body of 5,001 lines, expected at most 5,000: ${NOT_READ}`)
    expect(checkBodyLimits('\n\n\n' + 'x\n'.repeat(4_999) + 'x', 4)).toBeNull()
    expect(checkBodyLimits('\n\n\n' + 'x\n'.repeat(5_000), 4)).toBeNull()
  })

  it('should refuse nesting past 32 levels at the marker that passes it', () => {
    // 33 markers `- ` on line 2: the 33rd starts at column 65.
    expect(checkBodyLimits(`intro\n${'- '.repeat(33)}x\n`, 1)).toMatchObject({ line: 2, column: 65, ruleId: 'markdown' })
    expect(checkBodyLimits(`${'> '.repeat(32)}x\n`, 1)).toBeNull()
    // 64 columns of indentation are 32 levels; the marker after them is the 33rd.
    expect(checkBodyLimits(`${' '.repeat(64)}- x\n`, 1)).toMatchObject({ line: 1, column: 65 })
    expect(checkBodyLimits(`${' '.repeat(62)}- x\n`, 1)).toBeNull()
    // Mixed markers count alike; ordered ones too.
    expect(checkBodyLimits(`${'> 1. - '.repeat(11)}x\n`, 1)?.message).toBe(`Unexpected list or block quote nested 33 levels deep, expected at most 32: ${NOT_READ}`)
  })

  it('should not read a thematic break or deep indentation without a marker as nesting', () => {
    expect(checkBodyLimits(`${'* '.repeat(60)}\n${'- '.repeat(60)}\n`, 1)).toBeNull()
    expect(checkBodyLimits(`${' '.repeat(200)}indented code\n`, 1)).toBeNull()
  })

  it('should refuse more than 5,000 list items and block quotes', () => {
    const body = '- [ ] item\n'.repeat(4_999) + '> - quoted\n'
    // 4,999 items then a line with two markers: 5,001 on line 5,000.
    expect(checkBodyLimits(body, 1)).toMatchObject({ line: 5_000, column: 1 })
    expect(checkBodyLimits('- [ ] item\n'.repeat(5_000), 1)).toBeNull()
  })

  it('should refuse a run of more than 100 emphasis, strikethrough or link markers at its column', () => {
    expect(checkBodyLimits(`text ${'*'.repeat(101)}x`, 1)).toMatchObject({ line: 1, column: 6, message: `Unexpected run of 101 \`*\`, expected at most 100: ${NOT_READ}` })
    expect(checkBodyLimits(`${'['.repeat(150)}`, 1)?.message).toContain('Unexpected run of 150 `[`')
    expect(checkBodyLimits(`${'_'.repeat(100)} ${'~'.repeat(100)}`, 1)).toBeNull()
  })

  it('should refuse a paragraph with more than 1,000 markers, a blank line or a bullet starting a new one', () => {
    const line = '*a '.repeat(100) // 100 opening runs
    expect(checkBodyLimits(`${line}\n`.repeat(11), 1)).toMatchObject({ line: 11, column: 1 })
    expect(checkBodyLimits(`${line}\n`.repeat(10), 1)).toBeNull()
    expect(checkBodyLimits(`${line}\n\n`.repeat(20), 1)).toBeNull()
    expect(checkBodyLimits(`- ${line}\n`.repeat(20), 1)).toBeNull()
    // A bullet indented four columns may continue the paragraph: it does not start a new count.
    expect(checkBodyLimits(`${line}\n${`    - ${line}\n`.repeat(10)}`, 1)).toMatchObject({ line: 11 })
  })

  it('should not count snake_case underscores or markers between spaces', () => {
    expect(checkBodyLimits(`${'deploy_service_name '.repeat(2_000)}\n`, 1)).toBeNull()
    expect(checkBodyLimits(`${'a * b '.repeat(2_000)}\n`, 1)).toBeNull()
  })
})

describe('parseRecord with a body past a limit', () => {
  it('should read the frontmatter, report the body with a markdown error and read no items', () => {
    const record = parseRecord(`---\nstatus: planned\n---\n${'- '.repeat(40)}[ ] x\n`, { file: 'r.md' })
    expect(record.frontmatter.data['status']).toBe('planned')
    expect(record.stages).toEqual([])
    expect(record.problems.map((p) => [p.line, p.column, p.ruleId])).toEqual([[4, 65, 'markdown']])
  })

  it('should refuse a record over 1 MiB without reading it', () => {
    const record = parseRecord(new Uint8Array(1024 * 1024 + 1), { file: 'r.md' })
    expect(problemsOf(record.problems)).toEqual([
      { line: 1, column: 1, rule: 'file-size', severity: 'error', message: 'Unexpected record of 1.0 MiB, expected at most 1 MiB: the record is not read' },
    ])
  })
})
