/**
 * A trailing hint listing a field's alternatives, `(Major | Minor | Patch | Hotfix)`: two or more
 * non-empty alternatives separated by `|` in parentheses, at the end of the text.
 */
export const CHOICE_HINT = /\s*\(\s*[^()|\s][^()|]*(?:\|\s*[^()|\s][^()|]*)+\)\s*$/

/**
 * The text without a trailing alternatives hint (`minor (Major | Minor | Patch | Hotfix)` →
 * `minor`), when a value stands before it; otherwise the text unchanged. Templates once wrote
 * their choices after the value; the manifest's `choices` hold them now.
 */
export function withoutChoiceHint(text: string): string {
  const match = CHOICE_HINT.exec(text)
  if (match === null) return text
  const before = text.slice(0, match.index)
  return before.trim() === '' ? text : before
}
