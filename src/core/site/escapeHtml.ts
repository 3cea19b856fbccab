/**
 * The one escaping rule for text shiplog hands to VitePress: page frontmatter
 * (`frontmatterYaml`), the text local search indexes (`searchHtmlOf`) and the site's settings
 * (`siteDataOf`). `&`, `<`, `>`, `"`, `'` and Vue's `{`, `}` become decimal character references,
 * so the result is inert wherever VitePress puts it: in an element, in a double- or single-quoted
 * attribute, in `<title>`, in a `<meta content>` it writes without escaping, in `v-html`, in a
 * Vue template (no `{{` left) and in a `<script>` (no `</` left).
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'{}]/g, (c) => `&#${c.charCodeAt(0)};`)
}
