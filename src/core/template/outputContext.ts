import type { TemplateLayout } from './templateLayout.ts'

/**
 * Where a mustache writes its value, which decides how the value is escaped:
 * - `yaml`: in the frontmatter, inside a `double`- or `single`-quoted string, a `block` scalar, or
 *   a `plain` scalar (`whole` when the mustache is the entire scalar, as in `key: {{value}}`);
 * - `code`: inside a fenced code block;
 * - `inline-code`: inside a code span (in a table row when `table`);
 * - `table`: in a Markdown table row;
 * - `markdown`: other Markdown text (`blockStart` when only list or quote markers precede it).
 */
export type OutputContext =
  | { kind: 'yaml'; style: 'double' | 'single' | 'block' | 'plain'; whole: boolean; indent: string; eol: string }
  | { kind: 'code'; fence: string; indent: string; lineStart: boolean; eol: string }
  | { kind: 'inline-code'; table: boolean }
  | { kind: 'table' }
  | { kind: 'markdown'; blockStart: boolean }

/** Block tags and comments leave nothing on the line; other mustaches leave their output. */
const TAG = /\{\{~?\s*(?:[#/^!>*]|else\b)[\s\S]*?\}\}/g
const MUSTACHE = /\{\{\{[\s\S]*?\}\}\}|\{\{[\s\S]*?\}\}/g
const TABLE_ROW = /^[ \t]*\|/
const BLOCK_START = /^[ \t]*(?:>[ \t]?|(?:[-+*]|\d{1,9}[.)])[ \t]+)*$/

/** The output context of the mustache that spans `start`–`end` (Handlebars positions: 1-based lines, 0-based columns). */
export function outputContext(layout: TemplateLayout, start: hbs.AST.Position, end: hbs.AST.Position): OutputContext {
  const line = layout.lines[start.line - 1] ?? ''
  const before = mask(line.slice(0, start.column))
  const after = mask((layout.lines[end.line - 1] ?? '').slice(end.column))
  const indent = /^[ \t]*/.exec(line)?.[0] ?? ''
  switch (layout.kinds[start.line - 1]) {
    case 'frontmatter':
      return yamlContext(before, after, indent, layout.eol)
    case 'yaml-block':
      return { kind: 'yaml', style: 'block', whole: false, indent, eol: layout.eol }
    case 'code':
      return { kind: 'code', fence: layout.fences[start.line - 1] ?? '```', indent, lineStart: before.trim() === '', eol: layout.eol }
    default: {
      const table = TABLE_ROW.test(line)
      if (inCodeSpan(before, after)) return { kind: 'inline-code', table }
      if (table) return { kind: 'table' }
      return { kind: 'markdown', blockStart: BLOCK_START.test(before) }
    }
  }
}

function mask(text: string): string {
  return text.replace(TAG, '').replace(MUSTACHE, 'x')
}

/** Follows YAML quoting along the line up to the mustache. */
function yamlContext(before: string, after: string, indent: string, eol: string): OutputContext {
  let style: 'plain' | 'double' | 'single' = 'plain'
  let scalarStart = true
  let flowDepth = 0
  for (let i = 0; i < before.length; i++) {
    const ch = before[i]
    if (style === 'double') {
      if (ch === '\\') i++
      else if (ch === '"') style = 'plain'
      continue
    }
    if (style === 'single') {
      if (ch === "'" && before[i + 1] === "'") i++
      else if (ch === "'") style = 'plain'
      continue
    }
    if (ch === '#' && (i === 0 || /\s/.test(before[i - 1] ?? ''))) {
      return { kind: 'yaml', style: 'plain', whole: false, indent, eol }
    }
    if ((ch === '"' || ch === "'") && scalarStart) {
      style = ch === '"' ? 'double' : 'single'
    } else if ((ch === '[' || ch === '{') && scalarStart) {
      flowDepth++
    } else if ((ch === ']' || ch === '}') && flowDepth > 0) {
      flowDepth--
      scalarStart = false
    } else if (ch === ':' || ch === '-' || ch === '?' || (ch === ',' && flowDepth > 0)) {
      scalarStart = ch === ',' || /\s/.test(before[i + 1] ?? ' ')
    } else if (!/\s/.test(ch ?? '')) {
      scalarStart = false
    }
  }
  if (style !== 'plain') return { kind: 'yaml', style, whole: false, indent, eol }
  const startsScalar =
    before.trim() === '' || /:\s+$/.test(before) || /(?:^|\s)[-?]\s+$/.test(before) || (flowDepth > 0 && /[[{,]\s*$/.test(before))
  const endsScalar = /^(?:\s*$|\s+#|\s*[\]},]|:(?:\s|$))/.test(after)
  return { kind: 'yaml', style: 'plain', whole: startsScalar && endsScalar, indent, eol }
}

/** Whether the mustache sits inside a code span: an open backtick run before it, closed after it. */
function inCodeSpan(before: string, after: string): boolean {
  let open = 0
  for (let i = 0; i < before.length; ) {
    if (open === 0 && before[i] === '\\') {
      i += 2
      continue
    }
    if (before[i] === '`') {
      let j = i
      while (before[j] === '`') j++
      if (open === 0) open = j - i
      else if (j - i === open) open = 0
      i = j
      continue
    }
    i++
  }
  if (open === 0) return false
  return new RegExp(`(?<!\`)\`{${open}}(?!\`)`).test(after)
}
