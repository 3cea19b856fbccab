import { escapeHtml } from './escapeHtml.ts'

export type FrontmatterValue = string | number | boolean | FrontmatterValue[] | { [key: string]: FrontmatterValue }

/**
 * Writes a page's frontmatter as YAML that shiplog fully controls: keys are shiplog's own, and
 * every string is HTML-escaped (`escapeHtml`, the one rule for text handed to VitePress), then
 * written as a double-quoted JSON string (valid YAML) with `&`, `@` and line separators as
 * `\uXXXX` escapes.
 *
 * Escaping here, not where a value is used, is what keeps record text inert in every place
 * VitePress copies frontmatter to: VitePress 1.6 escapes `<title>` (keeping character
 * references, so an escaped title shows as written) but writes `description` into
 * `<meta name="description" content="…">` as it is; it copies the frontmatter into the page's
 * `<script>` as JSON (no `</` can close it); Vue would read a `{{`; its include pass looks for
 * `<!--@include:` anywhere in the page's source. test/site/vitepressEscaping.test.ts pins the
 * first two behaviours: when it fails, revisit this escaping. The theme shows the title and
 * description as text again where the browser reads them as text (`document.title`).
 */
export function frontmatterYaml(data: { [key: string]: FrontmatterValue }): string {
  const lines = Object.entries(data).map(([key, value]) => {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(key)) throw new Error(`Unexpected frontmatter key ${JSON.stringify(key)}`)
    return `${key}: ${inline(value)}`
  })
  return `---\n${lines.join('\n')}\n---\n`
}

function inline(value: FrontmatterValue): string {
  if (typeof value === 'string') return quote(value)
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('Unexpected non-finite number in frontmatter')
    return String(value)
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`
  return `{ ${Object.entries(value).map(([k, v]) => `${quote(k)}: ${inline(v)}`).join(', ')} }`
}

function quote(text: string): string {
  // (After escapeHtml no `<`, `>`, `{` or `}` is left; `&` starts its character references.)
  return JSON.stringify(escapeHtml(text)).replace(/[&@\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
