import { parseRecord } from '../../record/parseRecord.ts'
import { manifestBlock } from '../../template/manifestBlock.ts'
import type { Point, Stage, Table } from '../../record/types.ts'

/** A top-level key of the template's frontmatter, where it stands and its value as written. */
export interface OutlineKey extends Point {
  key: string
  /** The value after `key:`, unquoted when it is one quoted scalar; '' when nothing follows. */
  value: string
}

/** What a template's Markdown lays out, read from the template file itself (positions are file positions). */
export interface TemplateOutline {
  /** Lines of the leading `{{!-- … --}}` comment: 0 when there is none. */
  manifestEndLine: number
  /** The frontmatter's `---` lines, or null when the template has none. */
  frontmatter: { startLine: number; endLine: number } | null
  /** Top-level frontmatter keys in order. */
  keys: OutlineKey[]
  /**
   * Stages and checklist groups, as a record made from the template has them, including the
   * sections of every `{{#if}}` branch (groups are not classified).
   */
  stages: Stage[]
  tables: Table[]
}

const FENCE = /^---[ \t]*$/
const KEY = /^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$/
/** A line holding only block tags (`{{#if …}}`, `{{else}}`, `{{/each}}`) or a comment: Handlebars removes it. */
const STANDALONE = /^[ \t]*(?:\{\{~?[ \t]*(?:[#^/!]|else\b)[^{}]*~?\}\}[ \t]*)+$/

/**
 * Reads the layout of a template without rendering it: the manifest comment and the frontmatter
 * are emptied (line numbers stay), lines holding only block tags are emptied (so every branch of
 * an `{{#if}}` is read), and the rest is read like a record (FORMAT.md §3).
 */
export function templateOutline(source: string, file: string): TemplateOutline {
  const lines = source.split(/\r\n|\r|\n/)
  const manifestEndLine = manifestBlock(source)?.endLine ?? 0

  let frontmatter: TemplateOutline['frontmatter'] = null
  const keys: OutlineKey[] = []
  let index = manifestEndLine
  while (index < lines.length && (lines[index] ?? '').replace(/^\uFEFF/, '').trim() === '') index++
  if (FENCE.test((lines[index] ?? '').replace(/^\uFEFF/, ''))) {
    const start = index
    for (index = start + 1; index < lines.length; index++) {
      const line = lines[index] ?? ''
      if (FENCE.test(line)) {
        frontmatter = { startLine: start + 1, endLine: index + 1 }
        break
      }
      const match = KEY.exec(line)
      if (match) keys.push({ key: match[1] as string, value: unquote(match[2] ?? ''), line: index + 1, column: 1 })
    }
    if (!frontmatter) keys.length = 0
  }

  const blankUntil = frontmatter ? frontmatter.endLine : manifestEndLine
  const body = lines.map((line, i) => (i < blankUntil || STANDALONE.test(line) ? '' : line)).join('\n')
  const record = parseRecord(body, { file })
  return { manifestEndLine, frontmatter, keys, stages: record.stages, tables: record.tables }
}

function unquote(value: string): string {
  const quoted = /^"((?:[^"\\]|\\.)*)"$|^'((?:[^']|'')*)'$/.exec(value)
  if (!quoted) return value.replace(/[ \t]+#.*$/, '')
  if (quoted[1] !== undefined) return quoted[1].replace(/\\(.)/g, '$1')
  return (quoted[2] ?? '').replace(/''/g, "'")
}
