/** A heading or bold label as a name: whitespace collapsed, trimmed, without a trailing colon. */
export function cleanLabel(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\s*:+$/, '')
}
