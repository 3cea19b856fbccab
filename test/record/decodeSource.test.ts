import { describe, expect, it } from 'vitest'
import { decodeSource, firstInvalidUtf8 } from '../../src/core/record/decodeSource.ts'
import { problemsOf } from '../helpers/messages.ts'

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values)
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('decodeSource', () => {
  it('should decode UTF-8 bytes and drop a leading BOM', () => {
    expect(decodeSource(bytes(0xef, 0xbb, 0xbf, 0x61, 0xc3, 0xa9))).toEqual({ ok: true, text: 'aé' })
    expect(decodeSource('\uFEFFa')).toEqual({ ok: true, text: 'a' })
  })

  it('should turn CRLF and lone CR into LF, one break each', () => {
    expect(decodeSource('a\r\nb\rc\n\r\nd')).toEqual({ ok: true, text: 'a\nb\nc\n\nd' })
    expect(decodeSource(utf8('a\r\nb\rc'))).toEqual({ ok: true, text: 'a\nb\nc' })
  })

  it('should keep a BOM that is not at the start', () => {
    expect(decodeSource('a\uFEFF')).toEqual({ ok: true, text: 'a\uFEFF' })
  })

  it('should report invalid UTF-8 at the line and column of the first bad byte', () => {
    // "ab\r\ncé" then a lone continuation byte: line 2, after "cé" (2 characters).
    const result = decodeSource(bytes(0x61, 0x62, 0x0d, 0x0a, 0x63, 0xc3, 0xa9, 0x80))
    expect(result.ok).toBe(false)
    expect(problemsOf(result.ok ? [] : [result.problem])).toEqual([
      { line: 2, column: 3, rule: 'encoding', severity: 'error', message: 'Unexpected invalid UTF-8 at byte 7, expected UTF-8 text' },
    ])
  })

  it('should report NUL bytes as binary content, in bytes and in text', () => {
    expect(decodeSource(bytes(0x61, 0x0a, 0x62, 0x00))).toMatchObject({
      ok: false,
      problem: { line: 2, column: 2, ruleId: 'encoding', message: 'Unexpected binary content (a NUL byte at byte 3), expected UTF-8 text' },
    })
    expect(decodeSource('a\r\nb\0')).toMatchObject({ ok: false, problem: { line: 2, column: 2, ruleId: 'encoding' } })
  })

  it('should not count a BOM in the column of a problem on line 1', () => {
    expect(decodeSource(bytes(0xef, 0xbb, 0xbf, 0x61, 0xff))).toMatchObject({ ok: false, problem: { line: 1, column: 2 } })
  })
})

describe('firstInvalidUtf8', () => {
  it('should accept valid UTF-8 of every length', () => {
    expect(firstInvalidUtf8(utf8('a é € 😀'))).toBe(-1)
  })

  it('should find the start of the first malformed sequence', () => {
    expect(firstInvalidUtf8(bytes(0x61, 0xc3, 0x28))).toBe(1) // lead byte without its continuation
    expect(firstInvalidUtf8(bytes(0x80))).toBe(0) // lone continuation byte
    expect(firstInvalidUtf8(bytes(0xc0, 0xaf))).toBe(0) // overlong encoding
    expect(firstInvalidUtf8(bytes(0xed, 0xa0, 0x80))).toBe(0) // UTF-16 surrogate
    expect(firstInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0) // above U+10FFFF
    expect(firstInvalidUtf8(bytes(0x61, 0x62, 0xe2, 0x82))).toBe(2) // truncated at the end
  })
})
