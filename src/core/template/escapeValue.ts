import { escapeCode } from './escapeCode.ts'
import { escapeMarkdown } from './escapeMarkdown.ts'
import { escapeYamlDouble } from './escapeYamlDouble.ts'
import type { OutputContext } from './outputContext.ts'

const LINE_BREAK = /\r\n|\r|\n/g

/**
 * Characters a record cannot hold as they are: control characters other than tab and line
 * breaks (a NUL makes the file binary; YAML refuses the others), the BOM and the Unicode line and
 * paragraph separators. Where they cannot be escaped (everywhere but double-quoted YAML), they
 * become U+FFFD.
 */
const UNWRITABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff]/g

/**
 * Writes a value's text where its mustache stands (see `OutputContext`). `value` is the value
 * itself: a boolean or number that is a whole plain YAML scalar stays unquoted.
 */
export function escapeValue(text: string, value: unknown, context: OutputContext): string {
  if (context.kind === 'yaml' && (context.style === 'double' || (context.style === 'plain' && context.whole))) {
    return escapeInContext(text, value, context)
  }
  return escapeInContext(text.replace(UNWRITABLE, '\ufffd'), value, context)
}

function escapeInContext(text: string, value: unknown, context: OutputContext): string {
  switch (context.kind) {
    case 'yaml':
      switch (context.style) {
        case 'double':
          return escapeYamlDouble(text)
        case 'single':
          return text.replace(LINE_BREAK, ' ').replace(/'/g, "''")
        case 'block':
          return text.replace(LINE_BREAK, context.eol + context.indent)
        case 'plain':
          if (!context.whole) return text.replace(LINE_BREAK, ' ')
          if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return String(value)
          return `"${escapeYamlDouble(text)}"`
      }
      break
    case 'code':
      return escapeCode(text, context)
    case 'inline-code': {
      const line = text.replace(LINE_BREAK, ' ')
      // In a table, a pipe must be escaped even in code; backslashes before it pair up first, so an
      // odd run of them gets one more (`\|` reads back as `\\|`: the cell stays whole).
      return context.table ? line.replace(/(\\*)\|/g, (_, slashes: string) => `${slashes}${slashes.length % 2 === 1 ? '\\' : ''}\\|`) : line
    }
    case 'table':
      return escapeMarkdown(text, { table: true, blockStart: false })
    case 'markdown':
      return escapeMarkdown(text, { table: false, blockStart: context.blockStart })
  }
  return text
}
