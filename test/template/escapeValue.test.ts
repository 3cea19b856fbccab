import { describe, expect, it } from 'vitest'
import { escapeMarkdown } from '../../src/core/template/escapeMarkdown.ts'
import { escapeValue } from '../../src/core/template/escapeValue.ts'
import type { OutputContext } from '../../src/core/template/outputContext.ts'

const yaml = (style: 'double' | 'single' | 'block' | 'plain', whole = false): OutputContext => ({ kind: 'yaml', style, whole, indent: '  ', eol: '\n' })
const CONTROLS = 'a\u0000b\u001bc\u007fd\u0085e\u2028f\ufeffg\th'

describe('escapeValue', () => {
  it('should escape control characters exactly in double-quoted YAML', () => {
    expect(escapeValue(CONTROLS, CONTROLS, yaml('double'))).toBe('a\\x00b\\x1Bc\\x7Fd\\x85e\\u2028f\\uFEFFg\\th')
    expect(escapeValue(CONTROLS, CONTROLS, yaml('plain', true))).toBe('"a\\x00b\\x1Bc\\x7Fd\\x85e\\u2028f\\uFEFFg\\th"')
  })

  it('should write U+FFFD for control characters wherever they cannot be escaped, keeping tabs', () => {
    const replaced = 'a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf\ufffdg\th'
    expect(escapeValue(CONTROLS, CONTROLS, yaml('single'))).toBe(replaced)
    expect(escapeValue(CONTROLS, CONTROLS, yaml('block'))).toBe(replaced)
    expect(escapeValue(CONTROLS, CONTROLS, yaml('plain'))).toBe(replaced)
    expect(escapeValue(CONTROLS, CONTROLS, { kind: 'markdown', blockStart: false })).toBe(replaced)
    expect(escapeValue(CONTROLS, CONTROLS, { kind: 'table' })).toBe(replaced)
    expect(escapeValue(CONTROLS, CONTROLS, { kind: 'inline-code', table: false })).toBe(replaced)
    expect(escapeValue(CONTROLS, CONTROLS, { kind: 'code', fence: '```', indent: '', lineStart: true, eol: '\n' })).toBe(replaced)
  })

  it('should keep a code span in a table row whole: an odd run of backslashes before a pipe gets one more', () => {
    const cell: OutputContext = { kind: 'inline-code', table: true }
    expect(escapeValue('a|b', 'a|b', cell)).toBe('a\\|b')
    expect(escapeValue('a\\|b', 'a\\|b', cell)).toBe('a\\\\\\|b')
    expect(escapeValue('a\\\\|b', 'a\\\\|b', cell)).toBe('a\\\\\\|b')
  })
})

describe('escapeMarkdown and references', () => {
  it('should escape `&` before an entity or character reference, and only there', () => {
    const inline = { table: false, blockStart: false }
    expect(escapeMarkdown('&amp; &#38; &#x26; &copy;', inline)).toBe('\\&amp; \\&#38; \\&#x26; \\&copy;')
    expect(escapeMarkdown('a && b & c &; &#; &x', inline)).toBe('a && b & c &; &#; &x')
  })
})
