export type FrontmatterValue = string | number | boolean | FrontmatterValue[] | { [key: string]: FrontmatterValue }

/**
 * Writes a page's frontmatter as YAML that shiplog fully controls: keys are shiplog's own, every
 * string is a double-quoted JSON string (valid YAML) with `<`, `>`, `&`, `{`, `}`, `@` and line
 * separators written as `\uXXXX` escapes, so no text from a record can be read by VitePress's
 * include pass (`<!--@include:`), by Vue (`{{ }}`) or as more YAML, and no `</` can close the
 * `<script>` block VitePress copies the frontmatter into.
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
  // VitePress copies the frontmatter into the page's <script> block as JSON: a `</script` there
  // would end the block, so a word joiner (invisible) separates `<` from `/`.
  return JSON.stringify(text.replace(/<\//g, '<\u2060/')).replace(/[<>&{}@\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
