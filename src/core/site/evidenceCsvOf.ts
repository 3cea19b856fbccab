import type { EvidenceRow } from '../../shared/pageData.ts'

/** Where a figure's evidence is published, from the site's root (VitePress copies `public/` there). */
export function evidenceCsvPath(anchor: string): string {
  return `data/metrics/${anchor}.csv`
}

/**
 * Every record behind a figure as CSV (RFC 4180: every cell quoted, quotes doubled, CRLF line
 * ends), for the reader who needs the whole list where the page shows the most recent rows.
 * Record text is untrusted: a cell that a spreadsheet would read as a formula (starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return) is written with a leading `'`, as OWASP's
 * advice on CSV injection says, so opening the file never runs anything.
 */
export function evidenceCsvOf(rows: readonly EvidenceRow[], valueLabel: string): string {
  const lines = [['Release', 'File', 'Line', valueLabel, 'Detail', 'Page'], ...rows.map((r) => [r.title, r.file, String(r.line), r.value, r.detail, r.href ?? ''])]
  return lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
  return `"${safe.replaceAll('"', '""')}"`
}
