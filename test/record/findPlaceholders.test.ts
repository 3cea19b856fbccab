import { describe, expect, it } from 'vitest'
import { findPlaceholders } from '../../src/core/record/findPlaceholders.ts'

const names = (text: string): string[] => findPlaceholders(text).map((found) => found.name)

describe('findPlaceholders', () => {
  it('should find {{name}} and {{ name }} with their offsets', () => {
    expect(findPlaceholders('a {{one}} b {{ two_2 }}')).toEqual([
      { name: 'one', offset: 2, end: 9 },
      { name: 'two_2', offset: 12, end: 23 },
    ])
  })

  it('should not find other template languages', () => {
    expect(names('${{ secrets.TOKEN }} ${{ github.sha }} ${{matrix}}')).toEqual([])
    expect(names('{{ .Values.image.tag }} {{ include "x" . }} {{- x }}')).toEqual([])
  })

  it('should not find triple mustaches or escaped braces', () => {
    expect(names('{{{raw}}} \\{{escaped}} \\{\\{escaped}}')).toEqual([])
  })

  it('should not find names that do not start with a letter or underscore', () => {
    expect(names('{{1x}} {{#each}} {{/each}} {{!-- c --}} {{_ok}}')).toEqual(['_ok'])
  })
})
