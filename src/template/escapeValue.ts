import { escapeCode } from './escapeCode.ts'
import { escapeMarkdown } from './escapeMarkdown.ts'
import { escapeYamlDouble } from './escapeYamlDouble.ts'
import type { OutputContext } from './outputContext.ts'

const LINE_BREAK = /\r\n|\r|\n/g

/**
 * Writes a value's text where its mustache stands (see `OutputContext`). `value` is the value
 * itself: a boolean or number that is a whole plain YAML scalar stays unquoted.
 */
export function escapeValue(text: string, value: unknown, context: OutputContext): string {
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
      return context.table ? line.replace(/\|/g, '\\|') : line
    }
    case 'table':
      return escapeMarkdown(text, { table: true, blockStart: false })
    case 'markdown':
      return escapeMarkdown(text, { table: false, blockStart: context.blockStart })
  }
  return text
}
