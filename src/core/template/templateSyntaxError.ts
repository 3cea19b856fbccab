import { findUnbalancedBlock } from './findUnbalancedBlock.ts'
import { handlebarsEnvironment } from './handlebarsEnvironment.ts'
import { TemplateError } from './TemplateError.ts'

const TOKENS: { [token: string]: string } = {
  EOF: 'end of template',
  CONTENT: 'text',
  COMMENT: 'a comment',
  OPEN: '`{{`',
  OPEN_BLOCK: '`{{#`',
  OPEN_INVERSE: '`{{^`',
  OPEN_INVERSE_CHAIN: '`{{else …}}`',
  INVERSE: '`{{else}}`',
  OPEN_ENDBLOCK: '`{{/…}}`',
  OPEN_UNESCAPED: '`{{{`',
  OPEN_PARTIAL: '`{{>`',
  OPEN_PARTIAL_BLOCK: '`{{#>`',
  OPEN_RAW_BLOCK: '`{{{{`',
  CLOSE_RAW_BLOCK: '`}}}}`',
  END_RAW_BLOCK: '`{{{{/…}}}}`',
  CLOSE: '`}}`',
  CLOSE_UNESCAPED: '`}}}`',
  CLOSE_SEXPR: '`)`',
  SEP: '`.`',
  EQUALS: '`=`',
  OPEN_BLOCK_PARAMS: '`as |…|`',
  CLOSE_BLOCK_PARAMS: '`|`',
}

/** Tokens that start a value; listed together as "a value". */
const VALUES = new Set(['OPEN_SEXPR', 'ID', 'STRING', 'NUMBER', 'BOOLEAN', 'UNDEFINED', 'NULL', 'DATA'])

interface LexerState {
  match: string
  matched: string
}

/**
 * Turns an error thrown by Handlebars' parser into a `TemplateError` at the template's line and
 * column, worded "Unexpected …, expected …". Unbalanced blocks are reported at the tag at fault:
 * an unclosed block at its opening tag, a wrong closing tag where it stands.
 */
export function templateSyntaxError(error: unknown, source: string, file: string): TemplateError {
  const message = error instanceof Error ? error.message : String(error)
  const place = (line: number, column: number) => ({ file, line, column })

  const parse = /^Parse error on line \d+:[\s\S]*\nExpecting (.*), got '(.*)'$/.exec(message)
  const lexical = /^Lexical error on line \d+/.test(message)
  const lexer = (handlebarsEnvironment() as unknown as { Parser: { lexer: LexerState } }).Parser.lexer
  const failedAt = parse && parse[2] !== 'EOF' ? lexer.matched.length - lexer.match.length : lexer.matched.length
  const failedText = parse ? lexer.match : ''

  if ((parse && (parse[2] === 'EOF' || parse[2] === 'OPEN_ENDBLOCK')) || /doesn't match/.test(message)) {
    const block = findUnbalancedBlock(source)
    if (block?.kind === 'unclosed') {
      return new TemplateError(
        `Unexpected end of template, expected \`{{/${block.name}}}\` to close \`{{#${block.name}}}\``,
        place(block.line, block.column),
      )
    }
    if (block?.kind === 'mismatched') {
      return new TemplateError(`Unexpected \`{{/${block.name}}}\`, expected \`{{/${block.expected}}}\``, place(block.line, block.column))
    }
    if (block?.kind === 'unopened') {
      return new TemplateError(`Unexpected \`{{/${block.name}}}\`, expected no closing tag (no block is open)`, place(block.line, block.column))
    }
  }

  if (parse) {
    const got = parse[2] ?? ''
    const expected = describeExpected((parse[1] ?? '').split(', ').map((token) => token.replace(/^'|'$/g, '')))
    const unexpected = got === 'EOF' || failedText === '' ? (TOKENS[got] ?? got) : `\`${failedText}\``
    const at = positionAt(source, got === 'EOF' ? source.length : failedAt)
    return new TemplateError(`Unexpected ${unexpected}, expected ${expected}`, place(at.line, at.column))
  }

  if (lexical) {
    const comment = unclosedComment(source)
    if (comment !== null) {
      const at = positionAt(source, comment)
      return new TemplateError('Unexpected end of template, expected `--}}` to close the `{{!--` comment', place(at.line, at.column))
    }
    const at = positionAt(source, failedAt)
    const character = source.charAt(failedAt)
    return new TemplateError(`Unexpected \`${character}\` inside \`{{…}}\`, expected a name, a value or \`}}\``, place(at.line, at.column))
  }

  const located = error as { lineNumber?: unknown; column?: unknown }
  const reason = message.replace(/ - \d+:\d+$/, '')
  if (typeof located.lineNumber === 'number' && typeof located.column === 'number') {
    return new TemplateError(`Unexpected template: ${reason}`, place(located.lineNumber, located.column + 1))
  }
  return new TemplateError(`Unexpected template: ${reason}`, place(1, 1))
}

function describeExpected(tokens: string[]): string {
  const words: string[] = []
  // Inside a mustache the parser lists every token that could follow; the closing `}}` and a value say it.
  const listed = tokens.includes('CLOSE') ? tokens.filter((token) => token === 'CLOSE' || VALUES.has(token)) : tokens
  for (const token of listed) {
    const word = VALUES.has(token) ? 'a value' : (TOKENS[token] ?? token)
    if (!words.includes(word)) words.push(word)
  }
  if (words.length <= 1) return words[0] ?? 'something else'
  return `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`
}

/** 1-based line and column of an offset. */
function positionAt(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset)
  const lines = before.split(/\r\n|\r|\n/)
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 }
}

/** Offset of a `{{!--` comment that is never closed, or null. */
function unclosedComment(source: string): number | null {
  const opening = /\{\{~?!--/g
  for (let match = opening.exec(source); match; match = opening.exec(source)) {
    const close = /--~?\}\}/.exec(source.slice(match.index + match[0].length))
    if (!close) return match.index
    opening.lastIndex = match.index + match[0].length + close.index + close[0].length
  }
  return null
}
