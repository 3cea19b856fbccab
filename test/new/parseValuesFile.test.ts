import { describe, expect, it } from 'vitest'
import { ShiplogError } from '../../src/core/errors.ts'
import { MAX_VALUES_FILE_SIZE, parseValuesFile } from '../../src/core/new/parseValuesFile.ts'

/** The one-line error `parseValuesFile` throws for `source`. */
function refusal(source: string | Uint8Array): ShiplogError {
  try {
    parseValuesFile(source, 'values.yaml')
  } catch (error) {
    if (error instanceof ShiplogError) return error
    throw new Error(`expected a ShiplogError, got ${String(error)}`)
  }
  throw new Error('expected the values file to be refused')
}

// Nine strings, then each level nine aliases of the one before: sizes 10, 91, 820, 7381, 66430.
const ALIAS_BOMB = [
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  '',
].join('\n')

describe('parseValuesFile', () => {
  it('should read values as record frontmatter reads them: text as written, true/false, null for ~ and empty', () => {
    const values = parseValuesFile('name: Payments\nversion: 1.10\nflag: false\nempty:\ntilde: ~\nlist: [a, "b"]\nmap: {x: 1}\n', 'values.yaml')
    expect({ ...values }).toEqual({ name: 'Payments', version: '1.10', flag: false, empty: null, tilde: null, list: ['a', 'b'], map: { x: '1' } })
    expect(Object.getPrototypeOf(values)).toBeNull()
    expect(Object.getPrototypeOf(values['map'])).toBeNull()
  })

  it('should read JSON, and an empty file as no values', () => {
    expect({ ...parseValuesFile('{"owner": "ops", "n": 3}', 'values.json') }).toEqual({ owner: 'ops', n: '3' })
    expect({ ...parseValuesFile('', 'values.yaml') }).toEqual({})
    expect({ ...parseValuesFile('# nothing yet\n', 'values.yaml') }).toEqual({})
  })

  it('should refuse an alias bomb at the alias that passes the alias budget, as records do', () => {
    // Aliases add 9·10 (line 2) + 9·91 (line 3) + 9·820 (line 4) = 8,289 values; the first *d of
    // line 5 would add 7,381 more, past the 10,000 of the budget. `e: &e [` is 7 characters.
    const error = refusal(ALIAS_BOMB)
    expect(error.message).toBe('values.yaml:5:8: Unexpected aliases expanding to too many values, expected a smaller values file')
    expect(error.exitCode).toBe(2)
  })

  it('should refuse an alias with no anchor before it, at the alias', () => {
    expect(refusal('a: &a [1]\nb: *c\n').message).toBe(
      'values.yaml:2:4: Unexpected alias `*c` with no anchor `&c` before it, expected a reference to an anchored value',
    )
  })

  it('should refuse a key given twice, at the second one, among 40,000 keys', () => {
    const lines = Array.from({ length: 40_000 }, (_, i) => `k${i}: v`)
    lines.push('k0: again')
    expect(refusal(`${lines.join('\n')}\n`).message).toBe('values.yaml:40001:1: Unexpected duplicate key `k0` in the values file, expected each key once')
  }, 30_000)

  it('should refuse a key given twice in a nested map', () => {
    expect(refusal('team:\n  lead: a\n  lead: b\n').message).toBe('values.yaml:3:3: Unexpected duplicate key `lead` in the values file, expected each key once')
  })

  it('should name the line and column of malformed YAML', () => {
    // `team: ` is 6 characters: the compact map `a: b` starts at column 7.
    expect(refusal('owner: ops\nteam: a: b\n').message).toBe(
      'values.yaml:2:7: Unexpected YAML in the values file: Nested mappings are not allowed in compact mappings, expected a YAML or JSON map of values',
    )
  })

  it('should refuse YAML nested past what the parser can follow, in one line', () => {
    const error = refusal(`a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`)
    expect(error.message).toMatch(/^values\.yaml:1:\d+: Unexpected YAML nested too deeply in the values file, expected a few levels of lists and maps$/)
  })

  it('should refuse a list or a single value instead of a map', () => {
    expect(refusal('- a\n- b\n').message).toBe('values.yaml:1:1: Unexpected list, expected a map of values (key: value)')
    expect(refusal('just text\n').message).toBe('values.yaml:1:1: Unexpected single value, expected a map of values (key: value)')
  })

  it('should decode strictly as UTF-8, naming the first bad byte', () => {
    // a, :, space, o, k, \n (bytes 0–5), then b, :, space (6–8): 0xFF is byte 9, line 2, column 4.
    const bytes = Uint8Array.from([...Buffer.from('a: ok\nb: '), 0xff, 0x0a])
    expect(refusal(bytes).message).toBe('values.yaml:2:4: Unexpected invalid UTF-8 at byte 9, expected UTF-8 text')
  })

  it('should refuse more than 1 MiB, the size of a record, before parsing it', () => {
    expect(MAX_VALUES_FILE_SIZE).toBe(1024 * 1024)
    const source = new Uint8Array(MAX_VALUES_FILE_SIZE + 1).fill(0x61)
    expect(refusal(source).message).toBe('values.yaml: Unexpected values file of more than 1 MiB, expected at most 1 MiB (as much as a record may hold)')
    expect(Object.keys(parseValuesFile(`k: ${'a'.repeat(MAX_VALUES_FILE_SIZE - 4)}\n`, 'values.yaml'))).toEqual(['k'])
  })
})
