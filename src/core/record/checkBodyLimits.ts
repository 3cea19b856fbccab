import { messageAt } from '../message/messageAt.ts'
import type { PlacedMessage } from '../message/ShiplogMessage.ts'

/**
 * Limits on a record's Markdown body, far beyond any real record (the bundled deployment record
 * is about 15 KB, 450 lines, 150 list items, 3 levels deep). The Markdown parser's cost grows
 * faster than the input on some shapes (many lists or block quotes, deep nesting, long runs of
 * emphasis markers), so a body past a limit is reported and not parsed, instead of taking
 * minutes and gigabytes. See docs/record-format.md.
 */
export const BODY_LIMITS = {
  /** Characters (UTF-16 code units) of the body. */
  characters: 256 * 1024,
  /** Lines of the body. */
  lines: 5_000,
  /** Nesting of lists and block quotes, counting markers and indentation (2 columns a level). */
  depth: 32,
  /** List item and block quote markers in the whole body. */
  containers: 5_000,
  /** Consecutive `*`, `_`, `~` or `[` (emphasis, strikethrough and link markers). */
  delimiterRun: 100,
  /**
   * Emphasis and strikethrough marker runs that can open or close, and `[`, in one paragraph
   * (approximated as consecutive non-blank lines, a new bullet item starting a new paragraph).
   */
  delimiters: 1_000,
} as const

const format = (n: number): string => n.toLocaleString('en-US')

/**
 * Scans a record's body (the file's text with the frontmatter lines emptied, LF line breaks) in
 * one linear pass and returns a `markdown` problem for the first limit it passes, or null.
 */
export function checkBodyLimits(body: string, firstLine: number): PlacedMessage | null {
  const at = (line: number, column: number, message: string): PlacedMessage => messageAt(message, { place: { line, column }, ruleId: 'markdown' })
  const notRead = 'the body is not read (see "Limits" in docs/record-format.md)'
  if (body.length > BODY_LIMITS.characters) {
    return at(
      firstLine,
      1,
      `Unexpected Markdown body of ${format(body.length)} characters, expected at most ${format(BODY_LIMITS.characters)} (256 KiB): ${notRead}`,
    )
  }
  // Lines as an editor counts them: a final line break ends the last line, it starts no new one.
  let lines = body.endsWith('\n') ? 0 : 1
  for (let index = body.indexOf('\n'); index !== -1; index = body.indexOf('\n', index + 1)) lines++
  const bodyLines = lines - (firstLine - 1)
  if (bodyLines > BODY_LIMITS.lines) {
    return at(firstLine, 1, `Unexpected Markdown body of ${format(bodyLines)} lines, expected at most ${format(BODY_LIMITS.lines)}: ${notRead}`)
  }

  let containers = 0
  let delimiters = 0
  let line = 1
  let lineStart = 0
  while (lineStart <= body.length) {
    let lineEnd = body.indexOf('\n', lineStart)
    if (lineEnd === -1) lineEnd = body.length
    if (line >= firstLine && isBlank(body, lineStart, lineEnd)) {
      delimiters = 0
    } else if (line >= firstLine) {
      const scan = scanLine(body, lineStart, lineEnd)
      if (scan.depth > BODY_LIMITS.depth) {
        return at(
          line,
          scan.deepColumn,
          `Unexpected list or block quote nested ${format(scan.depth)} levels deep, expected at most ${format(BODY_LIMITS.depth)}: ${notRead}`,
        )
      }
      containers += scan.markers
      if (containers > BODY_LIMITS.containers) {
        return at(
          line,
          1,
          `Unexpected Markdown body with more than ${format(BODY_LIMITS.containers)} list items and block quotes, expected at most ${format(BODY_LIMITS.containers)}: ${notRead}`,
        )
      }
      const runs = scanRuns(body, lineStart, lineEnd)
      if (runs.longest > BODY_LIMITS.delimiterRun) {
        return at(
          line,
          runs.column,
          `Unexpected run of ${format(runs.longest)} \`${runs.char}\`, expected at most ${format(BODY_LIMITS.delimiterRun)}: ${notRead}`,
        )
      }
      if (scan.bullet) delimiters = 0
      delimiters += runs.delimiters
      if (delimiters > BODY_LIMITS.delimiters) {
        return at(
          line,
          1,
          `Unexpected paragraph with more than ${format(BODY_LIMITS.delimiters)} emphasis, strikethrough or link markers, expected at most ${format(BODY_LIMITS.delimiters)}: ${notRead}`,
        )
      }
    }
    line++
    lineStart = lineEnd + 1
  }
  return null
}

interface LineScan {
  /** Estimated nesting: container markers at the start of the line, plus 1 per 2 columns of indentation before the first. */
  depth: number
  /** Container markers at the start of the line. */
  markers: number
  /** Column of the marker at which the depth passes the limit. */
  deepColumn: number
  /** The line starts a bullet list item indented less than 4 columns: certainly a new paragraph. */
  bullet: boolean
}

const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/

/** Counts the container markers (`>`, `-`, `+`, `*`, `1.`, `1)`) that open a line. */
function scanLine(text: string, start: number, end: number): LineScan {
  let index = start
  let column = 0
  let indent = -1
  let markers = 0
  let deepColumn = 0
  let bullet = false
  for (;;) {
    const spaceStart = column
    while (index < end && (text.charCodeAt(index) === 0x20 || text.charCodeAt(index) === 0x09)) {
      column = text.charCodeAt(index) === 0x09 ? column + 4 - (column % 4) : column + 1
      index++
    }
    if (indent === -1) indent = column
    if (index >= end) break
    const code = text.charCodeAt(index)
    let width = 0
    if (code === 0x3e /* > */) width = 1
    else if (code === 0x2d || code === 0x2b || code === 0x2a) width = isSpace(text, index + 1, end) ? 1 : 0
    else if (code >= 0x30 && code <= 0x39) {
      let digits = index
      while (digits < end && digits - index < 9 && text.charCodeAt(digits) >= 0x30 && text.charCodeAt(digits) <= 0x39) digits++
      const mark = text.charCodeAt(digits)
      if ((mark === 0x2e || mark === 0x29) && isSpace(text, digits + 1, end)) width = digits + 1 - index
    }
    if (width === 0) break
    if (markers === 0 && code !== 0x3e && THEMATIC_BREAK.test(text.slice(start, end))) break
    // Only a bullet indented less than 4 columns certainly starts a new paragraph (more may continue one).
    if ((code === 0x2d || code === 0x2b || code === 0x2a) && column - spaceStart < 4) bullet = true
    markers++
    if (deepColumn === 0 && markers + (indent >> 1) > BODY_LIMITS.depth) deepColumn = index - start + 1
    index += width
    column += width
  }
  const depth = markers === 0 ? 0 : markers + (indent >> 1)
  return { depth, markers, deepColumn: deepColumn || 1, bullet }
}

function isSpace(text: string, index: number, end: number): boolean {
  if (index >= end) return true
  const code = text.charCodeAt(index)
  return code === 0x20 || code === 0x09
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index)
    if (code !== 0x20 && code !== 0x09) return false
  }
  return true
}

interface RunScan {
  /** The longest run of `*`, `_`, `~` or `[`, its character and 1-based column. */
  longest: number
  char: string
  column: number
  /** Runs of `*`, `_`, `~` that may open or close emphasis, plus every `[`. */
  delimiters: number
}

const WORD = /[\p{L}\p{N}]/u

/**
 * Finds the runs of emphasis, strikethrough and link markers in a line. A run counts as a
 * delimiter unless it certainly cannot open or close: whitespace (or the line's edge) on both
 * sides, or `_` between two letters or digits (snake_case).
 */
function scanRuns(text: string, start: number, end: number): RunScan {
  const scan: RunScan = { longest: 0, char: '', column: 1, delimiters: 0 }
  let index = start
  while (index < end) {
    const code = text.charCodeAt(index)
    if (code !== 0x2a && code !== 0x5f && code !== 0x7e && code !== 0x5b) {
      index++
      continue
    }
    let next = index + 1
    while (next < end && text.charCodeAt(next) === code) next++
    if (next - index > scan.longest) {
      scan.longest = next - index
      scan.char = text.charAt(index)
      scan.column = index - start + 1
    }
    if (code === 0x5b) {
      scan.delimiters += next - index
    } else {
      const before = index > start ? text.charAt(index - 1) : ' '
      const after = next < end ? text.charAt(next) : ' '
      const spaced = /\s/.test(before) && /\s/.test(after)
      const snake = code === 0x5f && WORD.test(before) && WORD.test(after)
      if (!spaced && !snake) scan.delimiters++
    }
    index = next
  }
  return scan
}
