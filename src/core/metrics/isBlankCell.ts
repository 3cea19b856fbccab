const PLACEHOLDER = /^\{\{\s*[\w.-]+\s*\}\}$/
const BLANKS = new Set(['', '-', '–', '—', 'n/a', 'na', 'none', 'tbd', 'tba', 'pending'])

/**
 * Whether a table cell holds nothing to read: empty, a dash, `N/A`, `none`, `TBD`, `TBA`,
 * `pending`, or an unfilled placeholder (`{{app_end}}`). Such a cell is skipped, never read as zero.
 */
export function isBlankCell(text: string): boolean {
  const trimmed = text.trim()
  return BLANKS.has(trimmed.toLowerCase()) || PLACEHOLDER.test(trimmed)
}
