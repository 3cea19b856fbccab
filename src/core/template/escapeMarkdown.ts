const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/
/** An entity or character reference, which Markdown would decode (`&amp;` reads as `&`). */
const REFERENCE = /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y

/**
 * Escapes a value for Markdown text so it reads back as written and cannot become markup the
 * template did not have: line breaks become spaces; `{{` becomes `\{\{` (never an unfilled
 * placeholder); `<` becomes `\<` (never raw HTML); `&` before an entity name becomes `\&` (`&amp;`
 * stays `&amp;`, `a && b` stays as it is); in table rows `|` becomes `\|`; a backslash that
 * would escape the next character is doubled. Inline Markdown (emphasis, links, code) is kept.
 * At the start of a line (`blockStart`), leading whitespace is dropped and a value that would open
 * a block (heading, quote, list item, task box, code fence, thematic break, setext underline, link
 * definition) has its first marker escaped.
 */
export function escapeMarkdown(text: string, options: { table: boolean; blockStart: boolean }): string {
  let line = text.replace(/\r\n|\r|\n/g, ' ')
  if (options.blockStart) line = line.trimStart()
  let out = ''
  for (let i = 0; i < line.length; i++) {
    const ch = line.charAt(i)
    const next = line.charAt(i + 1)
    if (ch === '\\') out += next === '' || ASCII_PUNCTUATION.test(next) ? '\\\\' : '\\'
    else if (ch === '<') out += '\\<'
    else if (ch === '&' && startsReference(line, i)) out += '\\&'
    else if (ch === '|' && options.table) out += '\\|'
    else if (ch === '{' && (next === '{' || line.charAt(i - 1) === '{' || i === 0 || i === line.length - 1)) out += '\\{'
    else out += ch
  }
  return options.blockStart ? escapeBlockStart(out) : out
}

const BLOCK_OPENERS = [
  /^#{1,6}(?:[ \t]|$)/, // ATX heading
  /^>/, // block quote
  /^[-+*](?:[ \t]|$)/, // bullet list item
  /^(?:`{3,}|~{3,})/, // code fence
  /^\[[ xX]\](?:[ \t]|$)/, // task box
  /^\[[^\]]*\]:/, // link reference definition
  /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/, // thematic break
  /^(?:=+|-+)[ \t]*$/, // setext underline
]

function escapeBlockStart(text: string): string {
  if (BLOCK_OPENERS.some((opener) => opener.test(text))) return `\\${text}`
  const ordered = /^(\d{1,9})[.)](?:[ \t]|$)/.exec(text)
  if (ordered?.[1] !== undefined) return `${ordered[1]}\\${text.slice(ordered[1].length)}`
  return text
}

function startsReference(text: string, index: number): boolean {
  REFERENCE.lastIndex = index
  return REFERENCE.test(text)
}
