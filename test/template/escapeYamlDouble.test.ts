import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { escapeYamlDouble } from '../../src/core/template/escapeYamlDouble.ts'

const specials = fc.constantFrom('\\', '"', "'", '\n', '\r', '\t', '{', '}', ':', '#', ' ', '\u0000', '\u0085', '\u2028', '\ufeff', 'é', '😀')

describe('escapeYamlDouble', () => {
  it('should escape quotes, backslashes and line breaks', () => {
    expect(escapeYamlDouble('Team "Core"\nC:\\ops')).toBe('Team \\"Core\\"\\nC:\\\\ops')
  })

  it('should escape both braces of `{{` so no placeholder appears', () => {
    expect(escapeYamlDouble('{{evil}} {x}')).toBe('\\x7B\\x7Bevil}} {x}')
  })

  it('should parse back to the same string inside double quotes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: fc.oneof(specials, fc.constantFrom('a', 'b')) })), (text) => {
        const escaped = escapeYamlDouble(text)
        expect(escaped).not.toMatch(/\{\{|\n|\r/)
        expect(parseYaml(`value: "${escaped}"\n`)).toEqual({ value: text })
      }),
      { numRuns: 300 },
    )
  })
})
