import { handlebarsEnvironment } from './handlebarsEnvironment.ts'

/** A block tag without its partner: where it stands (1-based) and what it names. */
export type UnbalancedBlock =
  | { kind: 'unclosed'; name: string; line: number; column: number }
  | { kind: 'mismatched'; name: string; expected: string; line: number; column: number }
  | { kind: 'unopened'; name: string; line: number; column: number }

interface Lexer {
  setInput(input: string): void
  lex(): number | string
  yy: unknown
  yytext: string
  yylloc: { first_line: number; first_column: number }
}

interface Parser {
  lexer: Lexer
  yy: unknown
  terminals_: { [token: number]: string }
}

const OPENERS = new Set(['OPEN_BLOCK', 'OPEN_INVERSE', 'OPEN_PARTIAL_BLOCK'])

/**
 * Runs Handlebars' own tokenizer over a template that failed to parse and finds the first block
 * tag without its partner: an unclosed `{{#if}}` (the innermost one), a `{{/each}}` that closes
 * `{{#if}}`, or a `{{/if}}` that closes nothing. Returns null when the blocks balance.
 */
export function findUnbalancedBlock(source: string): UnbalancedBlock | null {
  const parser = (handlebarsEnvironment() as unknown as { Parser: Parser }).Parser
  const lexer = parser.lexer
  lexer.setInput(source)
  lexer.yy = parser.yy
  const open: Array<{ name: string; line: number; column: number }> = []
  let pending: { kind: 'open' | 'close'; line: number; column: number } | null = null
  for (let guard = 0; guard <= source.length + 1; guard++) {
    let token: number | string
    try {
      token = lexer.lex()
    } catch {
      return null
    }
    const name = typeof token === 'number' ? parser.terminals_[token] : token
    if (name === 'EOF') break
    const at = { line: lexer.yylloc.first_line, column: lexer.yylloc.first_column + 1 }
    if (pending) {
      const tagName = lexer.yytext
      if (pending.kind === 'open') {
        open.push({ name: tagName, line: pending.line, column: pending.column })
      } else {
        const opened = open.pop()
        if (!opened) return { kind: 'unopened', name: tagName, line: pending.line, column: pending.column }
        if (opened.name !== tagName) {
          return { kind: 'mismatched', name: tagName, expected: opened.name, line: pending.line, column: pending.column }
        }
      }
      pending = null
    } else if (name !== undefined && OPENERS.has(name)) {
      pending = { kind: 'open', ...at }
    } else if (name === 'OPEN_ENDBLOCK') {
      pending = { kind: 'close', ...at }
    }
  }
  const unclosed = open.at(-1)
  return unclosed ? { kind: 'unclosed', ...unclosed } : null
}
