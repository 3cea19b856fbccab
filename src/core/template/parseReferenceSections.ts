import { normalizeName } from '../record/normalizeName.ts'
import type { Point } from '../record/types.ts'

type Report = (line: number, column: number, message: string, severity?: 'error' | 'warning') => void

/**
 * Reads a manifest's `reference:` list: the `##` sections of the template that are reference
 * text the same in every record (guidelines, standards), not the record's own content. The site
 * shows them collapsed; nothing else reads them. A value that is not a list of headings is an
 * error (and the list is left out); a heading the template has no `## heading` for is a warning
 * (a typo would otherwise collapse nothing).
 *
 * @example
 *   reference: [Deployment Guidelines]
 */
export function parseReferenceSections(raw: unknown, source: string, where: (path: Array<string | number>) => Point, report: Report): string[] {
  const expected = 'a list of the template\'s `##` headings, e.g. [Deployment Guidelines]'
  if (!Array.isArray(raw)) {
    const at = where([])
    report(at.line, at.column, `Expected \`reference\` to be ${expected}`)
    return []
  }
  const headings = new Set([...source.matchAll(/^##[ \t]+(.+?)[ \t#]*$/gm)].map((match) => normalizeName(match[1] as string)))
  const sections: string[] = []
  raw.forEach((entry: unknown, index) => {
    const at = where([index])
    if (typeof entry !== 'string' || entry.trim() === '') {
      report(at.line, at.column, `Unexpected \`reference\` entry ${JSON.stringify(entry)}, expected ${expected}`)
      return
    }
    if (!headings.has(normalizeName(entry))) {
      report(at.line, at.column, `Unexpected section \`${entry}\` in \`reference\`, expected the text of one of the template's \`##\` headings`, 'warning')
    }
    sections.push(entry.trim())
  })
  return sections
}
