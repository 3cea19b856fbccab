import { describe, expect, it } from 'vitest'
import { conditionHolds } from '../../src/core/record/conditionHolds.ts'
import { keywordOf } from '../../src/core/record/readKeyword.ts'
import type { YamlValue } from '../../src/core/record/types.ts'
import { conditionHelpers } from '../../src/core/template/conditionHelpers.ts'

describe('keywordOf', () => {
  it('should read text trimmed and lower-cased, booleans and numbers as written', () => {
    expect(keywordOf(' Production ')).toBe('production')
    expect(keywordOf('Rolled-Back')).toBe('rolled-back')
    expect(keywordOf(true)).toBe('true')
    expect(keywordOf(false)).toBe('false')
    expect(keywordOf(2)).toBe('2')
  })

  it('should read a missing, empty or other value as no keyword', () => {
    for (const value of [undefined, null, '', '   ', Number.NaN, ['production'], { a: 'b' }]) expect(keywordOf(value), String(value)).toBeNull()
  })
})

describe('a manifest rule\'s `when` and the templates\' `eq` compare values alike', () => {
  const eq = conditionHelpers['eq'] as (a: unknown, b: unknown) => boolean
  const cases: Array<[actual: YamlValue | undefined, expected: string | boolean, equal: boolean]> = [
    ['High', 'high', true],
    [' high ', 'HIGH', true],
    [true, true, true],
    ['TRUE', true, true],
    [false, 'false', true],
    ['low', 'high', false],
    [undefined, 'high', false],
    // a missing or empty value equals nothing, not even an empty expected value
    [undefined, '', false],
    ['', '', false],
    ['  ', '', false],
  ]

  it.each(cases)('should compare %j with %j as %s in both', (actual, expected, equal) => {
    const data: { [key: string]: YamlValue } = Object.create(null)
    if (actual !== undefined) data['impact'] = actual
    expect(conditionHolds({ impact: expected }, data)).toBe(equal)
    expect(eq(actual, expected)).toBe(equal)
  })
})
