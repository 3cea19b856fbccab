import { frontmatterYaml, type FrontmatterValue } from './frontmatterYaml.ts'
import { inertRecordHtml } from './inertRecordHtml.ts'

export interface PageSourceOptions {
  frontmatter: { [key: string]: FrontmatterValue }
  /** Modules the page imports in its `<script setup>`: local name → path relative to the page. */
  imports: { [name: string]: string }
  /** The page's Vue markup, written by shiplog (a component and its props). Never record text. */
  markup: string
  /**
   * Sanitized single-line HTML (see `renderRecordBody`), wrapped in `<div v-pre>`. Whatever it
   * holds, it is written so that it cannot leave that wrapper (`inertRecordHtml`).
   */
  recordHtml?: string
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/
const IMPORT_PATH = /^\.{1,2}\/[A-Za-z0-9._/-]+\.json$/

/**
 * A page as VitePress reads it: shiplog's frontmatter, a `<script setup>` importing the page's
 * JSON data, shiplog's component markup, and the record's sanitized HTML inside `<div v-pre>` on
 * one line. Import names and paths are checked, so nothing but shiplog's own code reaches the script.
 *
 * The record HTML comes from the renderer or from the body cache; it is made inert here, where
 * it enters the page, whichever it came from: no `{{` can form, and HTML that could close the
 * `<div v-pre>` early (or does not have the renderer's shape) is shown as text.
 */
export function pageSource(options: PageSourceOptions): string {
  const imports = Object.entries(options.imports).map(([name, path]) => {
    if (!IDENTIFIER.test(name) || !IMPORT_PATH.test(path)) {
      throw new Error(`Unexpected import ${name} from ${path}`)
    }
    return `import ${name} from '${path}'`
  })
  const parts = [frontmatterYaml(options.frontmatter)]
  if (imports.length > 0) parts.push(`<script setup>\n${imports.join('\n')}\n</script>\n`)
  parts.push(`${options.markup}\n`)
  if (options.recordHtml !== undefined) parts.push(`<div v-pre class="shiplog-record">${inertRecordHtml(options.recordHtml)}</div>\n`)
  return parts.join('\n')
}
