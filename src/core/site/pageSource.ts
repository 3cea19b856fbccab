import { frontmatterYaml, type FrontmatterValue } from './frontmatterYaml.ts'

export interface PageSourceOptions {
  frontmatter: { [key: string]: FrontmatterValue }
  /** Modules the page imports in its `<script setup>`: local name → path relative to the page. */
  imports: { [name: string]: string }
  /** The page's Vue markup, written by shiplog (components, their props, `v-html` of imported data). Never record text. */
  markup: string
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/
const IMPORT_PATH = /^\.{1,2}\/[A-Za-z0-9._/-]+\.json$/

/**
 * A page as VitePress reads it: shiplog's frontmatter, a `<script setup>` importing the page's
 * JSON data, and shiplog's component markup. Import names and paths are checked, so nothing but
 * shiplog's own code reaches the script. No record text is ever part of a page's source: it
 * reaches the page as JSON data (a release's body as `recordBodyDataOf` writes it, shown with
 * `v-html`), so neither markdown-it nor Vue's template compiler reads it.
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
  return parts.join('\n')
}
