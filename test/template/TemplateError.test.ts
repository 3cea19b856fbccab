import { describe, expect, it } from 'vitest'
import { ShiplogError } from '../../src/core/errors.ts'
import { renderTemplate, TemplateError } from '../../src/core/template/index.ts'

function errorOf(source: string): TemplateError {
  try {
    renderTemplate(source, { file: 'templates/custom.md', values: {} })
  } catch (error) {
    if (error instanceof TemplateError) return error
    throw error
  }
  throw new Error('expected a TemplateError')
}

describe('TemplateError', () => {
  it('should report an unclosed block at its opening tag', () => {
    // Line 3 is `  - {{#unless done}}open`: two spaces, `-`, a space, then `{{` in column 5.
    const error = errorOf('# Release\n\n  - {{#unless done}}open\n\n## Next\n')
    expect(error).toBeInstanceOf(ShiplogError)
    expect(error.name).toBe('TemplateError')
    expect(error.exitCode).toBe(2)
    expect({ file: error.file, line: error.line, column: error.column }).toEqual({ file: 'templates/custom.md', line: 3, column: 5 })
    expect(error.reason).toBe('Unexpected end of template, expected `{{/unless}}` to close `{{#unless}}`')
    expect(error.message).toBe('templates/custom.md:3:5: Unexpected end of template, expected `{{/unless}}` to close `{{#unless}}`')
  })

  it('should report the innermost unclosed block', () => {
    // `{{#if training}}` opens on line 4, column 1; `{{#each}}` on line 2 is closed on line 6.
    const error = errorOf('---\n{{#each changes}}\n---\n{{#if training}}\n## Training\n{{/each}}\n')
    expect([error.line, error.column]).toEqual([6, 1])
    expect(error.reason).toBe('Unexpected `{{/each}}`, expected `{{/if}}`')
    const unclosed = errorOf('{{#if a}}\n{{#if b}}x{{/if}}\n')
    expect([unclosed.line, unclosed.column, unclosed.reason]).toEqual([1, 1, 'Unexpected end of template, expected `{{/if}}` to close `{{#if}}`'])
  })

  it('should report a closing tag that closes nothing', () => {
    const error = errorOf('text\nmore {{/if}}\n')
    expect([error.line, error.column, error.reason]).toEqual([2, 6, 'Unexpected `{{/if}}`, expected no closing tag (no block is open)'])
  })

  it('should report an unexpected token where it stands', () => {
    // Line 2 is `| {{owner=}} |`: `{{` in columns 3–4, `owner` in 5–9, `=` in column 10.
    const error = errorOf('| a |\n| {{owner=}} |\n')
    expect([error.line, error.column, error.reason]).toEqual([2, 10, 'Unexpected `=`, expected `}}` or a value'])
    // Line 2 is `| {{eq a b=}} |`: `b` in column 10, `=` in 11, the `}}` that lacks a value in 12.
    const missingValue = errorOf('| a |\n| {{eq a b=}} |\n')
    expect([missingValue.line, missingValue.column, missingValue.reason]).toEqual([2, 12, 'Unexpected `}}`, expected a value'])
  })

  it('should report an unclosed comment', () => {
    const error = errorOf('# A\n{{!-- note\n')
    expect([error.line, error.column, error.reason]).toEqual([2, 1, 'Unexpected end of template, expected `--}}` to close the `{{!--` comment'])
  })

  it('should reject unknown helpers, partials and misused helpers', () => {
    expect(errorOf('a\n  {{shell "rm -rf /"}}').reason).toBe(
      'Unexpected helper `shell`, expected one of if, unless, each, with, lookup, eq, ne, and, or, not',
    )
    expect([errorOf('a\n  {{shell "x"}}').line, errorOf('a\n  {{shell "x"}}').column]).toEqual([2, 3])
    expect(errorOf('{{> header}}').reason).toBe('Unexpected partial `{{> header}}`, expected a self-contained template (partials are not supported)')
    expect(errorOf('{{#if}}x{{/if}}').reason).toBe('Unexpected 0 arguments to `if`, expected 1')
    expect(errorOf('{{if x}}').reason).toBe('Unexpected `if` outside a block, expected `{{#if …}}…{{/if}}`')
    expect(errorOf('{{#eq a b}}x{{/eq}}').reason).toBe(
      'Unexpected block `{{#eq}}`, expected `eq` in a mustache or sub-expression, as in `{{#if (eq …)}}`',
    )
    expect(errorOf('{{#if (eq a)}}x{{/if}}').reason).toBe('Unexpected 1 argument to `eq`, expected 2')
    expect(errorOf('{{log "x"}}').reason).toMatch(/^Unexpected helper `log`/)
  })
})
