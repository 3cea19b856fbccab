/**
 * What each line of a template holds once rendered:
 * - `frontmatter`: YAML between the first two `---` lines after the leading comment;
 * - `yaml-block`: the body of a YAML block scalar (`notes: |`) in the frontmatter;
 * - `code`: inside a fenced code block (not the fence lines);
 * - `markdown`: anything else.
 */
export type LineKind = 'frontmatter' | 'yaml-block' | 'code' | 'markdown'

export interface TemplateLayout {
  /** The template's lines, without line breaks. */
  lines: string[]
  /** The kind of each line (index = line number − 1). */
  kinds: LineKind[]
  /** For `code` lines: the opening fence (for example ```` ``` ```` or `~~~~`). */
  fences: Array<string | undefined>
  /** The template's line break. */
  eol: '\n' | '\r\n'
}

const FENCE = /^[ \t]*(`{3,}|~{3,})(.*)$/
const FRONTMATTER_FENCE = /^---[ \t]*$/
const BLOCK_SCALAR = /^([ \t]*)((?:-[ \t]+)*)([^\s#][^#]*?:[ \t]+)?[|>][-+1-9]{0,2}[ \t]*(?:#.*)?$/

/** Reads the layout of a template from its text and its syntax tree (for the leading comment). */
export function templateLayout(source: string, program: hbs.AST.Program): TemplateLayout {
  const lines = source.split(/\r\n|\r|\n/)
  const kinds: LineKind[] = lines.map(() => 'markdown')
  const fences: Array<string | undefined> = lines.map(() => undefined)
  const eol = source.includes('\r\n') ? '\r\n' : '\n'

  const start = firstContentLine(program, lines) - 1
  let index = start
  while (index < lines.length && (lines[index] ?? '').replace(/^\uFEFF/, '').trim() === '') index++
  if (FRONTMATTER_FENCE.test((lines[index] ?? '').replace(/^\uFEFF/, ''))) {
    let block: number | null = null
    for (index++; index < lines.length; index++) {
      const line = lines[index] ?? ''
      if (FRONTMATTER_FENCE.test(line)) {
        index++
        break
      }
      const indent = /^[ \t]*/.exec(line)?.[0].length ?? 0
      if (block !== null && (line.trim() === '' || indent > block)) {
        kinds[index] = 'yaml-block'
        continue
      }
      block = null
      kinds[index] = 'frontmatter'
      const scalar = BLOCK_SCALAR.exec(line)
      // The scalar's lines are those indented more than its key (or, for `- |`, than its list).
      if (scalar) block = (scalar[1]?.length ?? 0) + (scalar[3] ? (scalar[2]?.length ?? 0) : 0)
    }
  } else {
    index = start
  }

  let fence: string | null = null
  for (; index < lines.length; index++) {
    const line = lines[index] ?? ''
    const match = FENCE.exec(line)
    if (fence === null) {
      if (match && !(match[1]?.startsWith('`') && match[2]?.includes('`'))) fence = match[1] ?? null
      continue
    }
    const marker = match?.[1]
    if (marker && marker[0] === fence[0] && marker.length >= fence.length && match?.[2]?.trim() === '') {
      fence = null
      continue
    }
    kinds[index] = 'code'
    fences[index] = fence
  }
  return { lines, kinds, fences, eol }
}

/** The line the output starts from: the one after a leading `{{!-- … --}}` comment. */
function firstContentLine(program: hbs.AST.Program, lines: string[]): number {
  let line = 1
  for (const node of program.body) {
    if (node.type === 'CommentStatement') {
      const end = node.loc.end
      const rest = (lines[end.line - 1] ?? '').slice(end.column)
      line = rest.trim() === '' ? end.line + 1 : end.line
      continue
    }
    if (node.type === 'ContentStatement' && /^[\s\uFEFF]*$/.test((node as hbs.AST.ContentStatement).original as unknown as string)) continue
    break
  }
  return line
}
