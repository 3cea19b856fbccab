import type { FrontmatterField } from '../record/types.ts'

/**
 * `text` with the frontmatter `status` value at `field` replaced by `status`, every other character
 * kept (line ends, a byte order mark, comments, key order, the value's quoting style); null when
 * the value is not a one-line plain or quoted scalar that stands where `field` says (`written`,
 * the value as read), so that it cannot be replaced safely. `field`'s line and column count lines
 * as the record parser does (`\r\n`, `\r` or `\n` ends a line).
 */
export function replaceStatusValue(text: string, field: FrontmatterField, written: string, status: string): string | null {
  const start = lineStart(text, field.value.line)
  if (start === null) return null
  const from = start + field.value.column - 1
  const lineEnd = text.slice(from).search(/\r|\n/)
  const line = text.slice(from, lineEnd === -1 ? text.length : from + lineEnd)
  if (field.style === 'plain') {
    if (written === '' || !line.startsWith(written)) return null
    return text.slice(0, from) + status + text.slice(from + written.length)
  }
  if (field.style !== 'quoted') return null
  const quote = line[0]
  if (quote !== '"' && quote !== "'") return null
  const end = closingQuote(line, quote)
  if (end === null) return null
  return text.slice(0, from) + quote + status + quote + text.slice(from + end + 1)
}

/** The offset of the first character of 1-based `line`, or null past the end. */
function lineStart(text: string, line: number): number | null {
  let offset = 0
  for (let current = 1; current < line; current++) {
    const rest = text.slice(offset)
    const match = /\r\n|\r|\n/.exec(rest)
    if (!match) return null
    offset += match.index + match[0].length
  }
  return offset
}

/** The index in `line` of the quote closing the scalar its first character opens, or null. */
function closingQuote(line: string, quote: '"' | "'"): number | null {
  for (let index = 1; index < line.length; index++) {
    const char = line[index]
    if (quote === '"' && char === '\\') {
      index++
      continue
    }
    if (char !== quote) continue
    if (quote === "'" && line[index + 1] === "'") {
      index++
      continue
    }
    return index
  }
  return null
}
