export interface FoundPlaceholder {
  name: string
  /** Offset of the opening `{{`. */
  offset: number
  /** Offset just after the closing `}}`. */
  end: number
}

const MUSTACHE = /\{\{[ \t]*([A-Za-z_][A-Za-z0-9_]*)[ \t]*\}\}/g

/**
 * Finds unfilled template variables, `{{name}}` or `{{ name }}`, in text. Not placeholders:
 * other template languages (`${{ secrets.TOKEN }}`, `{{ .Values.image.tag }}`), triple
 * mustaches (`{{{name}}}`) and escaped braces (`\{{name}}`, `\{\{name}}`).
 */
export function findPlaceholders(text: string): FoundPlaceholder[] {
  const found: FoundPlaceholder[] = []
  for (const match of text.matchAll(MUSTACHE)) {
    const offset = match.index
    const end = offset + match[0].length
    const before = text.charAt(offset - 1)
    if (before === '$' || before === '{' || before === '\\' || text.charAt(end) === '}') continue
    found.push({ name: match[1] as string, offset, end })
  }
  return found
}
