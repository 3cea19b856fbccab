import { frontmatterYaml, type FrontmatterValue } from './frontmatterYaml.ts'

export interface PageSourceOptions {
  frontmatter: { [key: string]: FrontmatterValue }
  /** Modules the page imports in its `<script setup>`: local name → path relative to the page. */
  imports: { [name: string]: string }
  /** The page's Vue markup, written by shiplog (a component and its props). Never record text. */
  markup: string
  /** Sanitized single-line HTML (see `renderRecordBody`), wrapped in `<div v-pre>`. */
  recordHtml?: string
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/
const IMPORT_PATH = /^\.{1,2}\/[A-Za-z0-9._/-]+\.json$/

/**
 * A page as VitePress reads it: shiplog's frontmatter, a `<script setup>` importing the page's
 * JSON data, shiplog's component markup, and the record's sanitized HTML inside `<div v-pre>` on
 * one line. Import names and paths are checked, so nothing but shiplog's own code reaches the script.
 */
export function pageSource(options: PageSourceOptions): string {
  const imports = Object.entries(options.imports).map(([name, path]) => {
    if (!IDENTIFIER.test(name) || !IMPORT_PATH.test(path)) {
      throw new Error(`Unexpected import ${name} from ${path}`)
    }
    return `import ${name} from '${path}'`
  })
  if (/[\r\n]/.test(options.recordHtml ?? '')) {
    throw new Error('Unexpected line break in the record HTML; expected one line')
  }
  const parts = [frontmatterYaml(options.frontmatter)]
  if (imports.length > 0) parts.push(`<script setup>\n${imports.join('\n')}\n</script>\n`)
  parts.push(`${options.markup}\n`)
  if (options.recordHtml !== undefined) parts.push(`<div v-pre class="shiplog-record">${options.recordHtml}</div>\n`)
  return parts.join('\n')
}
