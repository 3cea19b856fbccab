import type { EvidenceRow } from '../../shared/pageData.ts'

/** Where a figure's evidence is published, from the site's root (VitePress copies `public/` there). */
export function evidenceCsvPath(anchor: string): string {
  return `data/metrics/${anchor}.csv`
}

/** Where a CSV's Page column points (`evidenceCsvOf`): the site's address (`site.url`) or its base path (`site.base`). */
export interface EvidenceCsvLinks {
  /** The address the site is published at, ending in `/`, or null. */
  siteUrl: string | null
  /** The path the site is served under, starting and ending with `/`. */
  base: string
}

/**
 * The address of a page (`href`, from the site's root: `/releases/a.html`) as a CSV cell holds it,
 * to be opened from a spreadsheet: absolute under `site.url` when it is set, else the path under
 * the site's base (`/docs/releases/a.html`).
 */
export function evidencePageUrl(href: string, links: EvidenceCsvLinks): string {
  return links.siteUrl === null ? `${links.base}${href.slice(1)}` : new URL(href.slice(1), links.siteUrl).href
}

/**
 * Every record behind a figure as CSV (RFC 4180: every cell quoted, quotes doubled, CRLF line
 * ends), for the reader who needs the whole list where the page shows the most recent rows. The
 * Page column holds each release page's address (`evidencePageUrl`).
 * Record text is untrusted: a cell that a spreadsheet would read as a formula (starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return) is written with a leading `'`, as OWASP's
 * advice on CSV injection says, so opening the file never runs anything.
 */
export function evidenceCsvOf(rows: readonly EvidenceRow[], valueLabel: string, links: EvidenceCsvLinks = { siteUrl: null, base: '/' }): string {
  const page = (href: string | null): string => (href === null ? '' : evidencePageUrl(href, links))
  const lines = [['Release', 'File', 'Line', valueLabel, 'Detail', 'Page'], ...rows.map((r) => [r.title, r.file, String(r.line), r.value, r.detail, page(r.href)])]
  return lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
  return `"${safe.replaceAll('"', '""')}"`
}
