import { describe, expect, it } from 'vitest'
import { ShiplogMessage } from '../../src/core/message/ShiplogMessage.ts'
import { decodeRecord, encodeRecord } from '../../src/node/cache/recordCodec.ts'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import type { ReleaseRecord } from '../../src/core/record/types.ts'

const base = (): ReleaseRecord => parseRecord('---\nstatus: approved\n---\n\n## Stage\n\n- [x] a\n', { file: 'releases/a.md' })

describe('recordCodec', () => {
  it('should keep null prototypes, key order, `__proto__` keys and keys starting with U+0001', () => {
    const record = base()
    const data: { [key: string]: unknown } = Object.create(null)
    data['b'] = 1
    data['10'] = 'ten'
    data['2'] = 'two'
    Object.defineProperty(data, '__proto__', { value: { polluted: true }, enumerable: true, writable: true, configurable: true })
    data['\u0001r'] = 0
    record.frontmatter.data = data as ReleaseRecord['frontmatter']['data']
    const odd = JSON.parse('{"\\u0001n": [1], "__proto__": {"x": 1}, "plain": true}') as object
    ;(record as unknown as { extra: unknown }).extra = odd
    const decoded = decodeRecord(encodeRecord(record))
    expect(Object.getPrototypeOf(decoded.frontmatter.data)).toBe(null)
    expect(Object.keys(decoded.frontmatter.data)).toEqual(['2', '10', 'b', '__proto__', '\u0001r'])
    expect(Object.getOwnPropertyDescriptor(decoded.frontmatter.data, '__proto__')?.value).toEqual({ polluted: true })
    const extra = (decoded as unknown as { extra: object }).extra
    expect(Object.getPrototypeOf(extra)).toBe(Object.prototype)
    expect(Object.keys(extra)).toEqual(['\u0001n', '__proto__', 'plain'])
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined()
  })

  it('should keep shared objects shared and cycles', () => {
    const record = base()
    const table = { line: 1, column: 1, heading: 'T', stage: null, headers: [], headerCells: [], rows: [] }
    record.tables = [table]
    record.timeline = table
    const decoded = decodeRecord(encodeRecord(record))
    expect(decoded.timeline).toBe(decoded.tables[0])
    const cyclic = base() as ReleaseRecord & { self?: unknown }
    cyclic.self = cyclic
    const back = decodeRecord(encodeRecord(cyclic)) as ReleaseRecord & { self?: unknown }
    expect(back.self).toBe(back)
  })

  it('should share equal strings through the intern map', () => {
    const intern = new Map<string, string>()
    const a = decodeRecord(encodeRecord(base()), intern)
    decodeRecord(encodeRecord(base()), intern)
    expect(intern.get('Stage')).toBe('Stage')
    expect(a.stages[0]?.name).toBe('Stage')
  })

  it('should give a record\'s problems back as ShiplogMessages with the same fields', () => {
    // Line 3 repeats `status` (line 1 is `---`): an error at 3:1; line 5 opens a fence never closed: a warning at 5:1.
    const record = parseRecord('---\nstatus: planned\nstatus: approved\n---\n```\ncode\n', { file: 'releases/a.md' })
    record.problems[0]!.actual = 'status'
    record.problems[0]!.expected = ['a key used once']
    const decoded = decodeRecord(encodeRecord(record))
    expect(decoded.problems.map((problem) => problem instanceof ShiplogMessage && Object.getPrototypeOf(problem) === ShiplogMessage.prototype)).toEqual([true, true])
    expect(decoded.problems.map((problem) => [problem.file, problem.line, problem.column, problem.ruleId, problem.severity, problem.source])).toEqual([
      ['releases/a.md', 3, 1, 'frontmatter-yaml', 'error', 'shiplog'],
      ['releases/a.md', 5, 1, 'unclosed-code-fence', 'warning', 'shiplog'],
    ])
    expect(decoded.problems).toEqual(record.problems)
    expect([decoded.problems[0]?.actual, decoded.problems[0]?.expected, decoded.problems[1]?.fatal]).toEqual(['status', ['a key used once'], false])
    // A message the codec cannot carry whole (a cause) is refused, so the record is used as parsed.
    record.problems[1]!.cause = new Error('x')
    expect(() => encodeRecord(record)).toThrow(TypeError)
  })

  it('should refuse what JSON cannot carry exactly', () => {
    for (const value of [undefined, Number.NaN, Infinity, -0, () => 1, new Date(0), 1n, Symbol('s')]) {
      const record = base() as ReleaseRecord & { extra?: unknown }
      record.extra = value
      expect(() => encodeRecord(record)).toThrow(TypeError)
    }
    const sparse = base() as ReleaseRecord & { extra?: unknown }
    sparse.extra = [1, , 3]
    expect(() => encodeRecord(sparse)).toThrow(TypeError)
  })

  it('should refuse text that is not an encoded record', () => {
    for (const text of ['', '{', 'null', '[]', '{"file": 1}', '{"\\u0001r": 5}', '{"\\u0001n": [1]}', '{"\\u0001x": []}']) {
      expect(() => decodeRecord(text)).toThrow()
    }
  })
})
