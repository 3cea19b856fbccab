import { isBlankCell } from './isBlankCell.ts'

/** A sign-off item read as `Role: Name` (FORMAT.md §3, `Product Owner: Ana Ruiz`). */
export interface Signoff {
  /** What comes before the first `:`, trimmed (the whole text when there is no `:`). */
  role: string
  /** What comes after the first `:`, trimmed, as written (`Ana Ruiz (2026-03-05)`, `TBD`, ``); null without a `:`. */
  name: string | null
  /** The name names a person: not empty, not a stand-in (`TBD`, `-`, `?`, `N/A`…) and not the word `name`. */
  named: boolean
}

/**
 * The one reading of a sign-off item's text, for `check` (rule `signoff`) and the site's sign-off
 * panel: the role before the first `:`, the person after it.
 */
export function readSignoff(text: string): Signoff {
  const colon = text.indexOf(':')
  if (colon === -1) return { role: text.trim(), name: null, named: false }
  const name = text.slice(colon + 1).trim()
  return { role: text.slice(0, colon).trim(), name, named: !isBlankCell(name) && !/^name$/i.test(name) }
}
