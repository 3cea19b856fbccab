import { describe, expect, it } from 'vitest'
import { isUnfilledCell } from '../../src/core/record/isUnfilledCell.ts'

describe('isUnfilledCell', () => {
  it('should read empty cells as unfilled', () => {
    expect(isUnfilledCell('')).toBe(true)
    expect(isUnfilledCell('   ')).toBe(true)
  })

  it('should read cells of only placeholders, symbols and attached units as unfilled', () => {
    expect(isUnfilledCell('{{x}}')).toBe(true)
    expect(isUnfilledCell('{{x}}%')).toBe(true)
    expect(isUnfilledCell('< {{y}}ms')).toBe(true)
    expect(isUnfilledCell('{{a}} / {{b}}')).toBe(true)
  })

  it('should read cells with text outside placeholders as filled', () => {
    expect(isUnfilledCell('Error Rate')).toBe(false)
    expect(isUnfilledCell('-')).toBe(false)
    expect(isUnfilledCell('< 5%')).toBe(false)
    expect(isUnfilledCell('{{x}} hours')).toBe(false)
    expect(isUnfilledCell('${{ secrets.X }}')).toBe(false)
    expect(isUnfilledCell('{{ .Values.x }}')).toBe(false)
  })
})
