import { describe, expect, it } from 'vitest'
import { cell, formatJobSummary } from '../../src/core/check/format/jobSummary.ts'
import type { CheckResult } from '../../src/core/check/types.ts'
import { messages } from '../helpers/messages.ts'

const result: CheckResult = {
  files: 2,
  errors: 2,
  warnings: 2,
  paths: ['releases/1.0.0.md', 'releases/a|b.md'],
  diagnostics: messages([
    { file: 'releases/1.0.0.md', line: 12, column: 1, rule: 'status-gate', severity: 'error', message: 'Unexpected open item `A|B` <b>x</b>\nnext' },
    { file: 'releases/1.0.0.md', line: 40, column: 21, rule: 'unfilled-placeholder', severity: 'warning', message: 'Unfilled {{x}}' },
    { file: 'releases/1.0.0.md', line: 41, column: 2, rule: 'unfilled-placeholder', severity: 'warning', message: 'Unfilled {{y}}' },
    { file: 'releases/a|b.md', line: 3, column: 10, rule: 'frontmatter-yaml', severity: 'error', message: 'Bad *yaml*' },
  ]),
}

const records = [
  { file: 'releases/1.0.0.md', status: 'approved', done: 2, total: 3 },
  { file: 'releases/a|b.md', status: null, done: 0, total: 0 },
]

describe('formatJobSummary', () => {
  it('should write the records table, every error, and the warnings up to the limit', () => {
    expect(formatJobSummary(result, records, { maxWarnings: 1 })).toBe(
      [
        '## shiplog check',
        '',
        '2 files checked: 2 errors, 2 warnings.',
        '',
        '| record | status | progress | errors | warnings |',
        '|---|---|---:|---:|---:|',
        '| releases/1.0.0.md | approved | 66% (2/3) | 1 | 2 |',
        '| releases/a\\|b.md | — | — | 1 | 0 |',
        '',
        '### Errors (2)',
        '',
        '| place | rule | message |',
        '|---|---|---|',
        '| releases/1.0.0.md:12:1 | status-gate | Unexpected open item \\`A\\|B\\` &lt;b&gt;x&lt;/b&gt;<br>next |',
        '| releases/a\\|b.md:3:10 | frontmatter-yaml | Bad \\*yaml\\* |',
        '',
        '### Warnings (2)',
        '',
        '| place | rule | message |',
        '|---|---|---|',
        '| releases/1.0.0.md:40:21 | unfilled-placeholder | Unfilled {{x}} |',
        '',
        '…and 1 more warning (run `shiplog check` to see every one).',
        '',
        '',
      ].join('\n'),
    )
  })

  it('should list every error, however many, and 50 warnings by default', () => {
    const many: CheckResult = {
      files: 1,
      errors: 22,
      warnings: 53,
      paths: ['releases/big.md'],
      diagnostics: messages([
        ...Array.from({ length: 22 }, (_, i) => ({ file: 'releases/big.md', line: i + 1, column: 1, rule: 'status-gate', severity: 'error' as const, message: `Open ${i + 1}` })),
        ...Array.from({ length: 53 }, (_, i) => ({ file: 'releases/big.md', line: 100 + i, column: 1, rule: 'unfilled-placeholder', severity: 'warning' as const, message: `Unfilled ${i + 1}` })),
      ]),
    }
    const markdown = formatJobSummary(many, [{ file: 'releases/big.md', status: 'verified', done: 0, total: 7 }])
    expect(markdown).toContain('| releases/big.md | verified | 0% (0/7) | 22 | 53 |')
    for (let i = 1; i <= 22; i++) expect(markdown).toContain(`| releases/big.md:${i}:1 | status-gate | Open ${i} |`)
    expect(markdown).toContain('| releases/big.md:149:1 | unfilled-placeholder | Unfilled 50 |')
    expect(markdown).not.toContain('Unfilled 51 ')
    expect(markdown).toContain('…and 3 more warnings (run `shiplog check` to see every one).')
  })

  it('should show a clean record', () => {
    expect(formatJobSummary({ files: 1, errors: 0, warnings: 0, paths: ['releases/clean.md'], diagnostics: [] }, [{ file: 'releases/clean.md', status: 'closed', done: 3, total: 3 }])).toBe(
      [
        '## shiplog check',
        '',
        '1 file checked: 0 errors, 0 warnings.',
        '',
        '| record | status | progress | errors | warnings |',
        '|---|---|---:|---:|---:|',
        '| releases/clean.md | closed | 100% (3/3) | 0 | 0 |',
        '',
        '',
      ].join('\n'),
    )
  })
})

describe('cell', () => {
  it('should keep record text from breaking a table row or adding markup', () => {
    expect(cell('a | b')).toBe('a \\| b')
    expect(cell('one\r\ntwo\nthree\rfour')).toBe('one<br>two<br>three<br>four')
    expect(cell('<!-- x --><img src=x onerror=alert(1)>&amp;')).toBe('&lt;\\!-- x --&gt;&lt;img src=x onerror=alert(1)&gt;&amp;amp;')
    expect(cell('[link](javascript:x) ![i](y) `code` \\ ~~s~~ _e_')).toBe('\\[link\\](javascript:x) \\!\\[i\\](y) \\`code\\` \\\\ \\~\\~s\\~\\~ \\_e\\_')
    expect(cell('bell\u0007 esc\u001b[31m tab\t')).toBe('bell esc\\[31m tab')
  })
})
