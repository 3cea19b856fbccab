const OPENING = /^\uFEFF?\{\{~?!--/
const CLOSING = /--~?\}\}/

/** A template's leading `{{!-- … --}}` comment, which holds its manifest. */
export interface ManifestBlock {
  /** The text between the opening `{{!--` and the closing `--}}`; null when the comment never closes. */
  yaml: string | null
  /** Length of the opening (`{{!--`, with a BOM or `~`): columns on the first line count after it. */
  openingLength: number
  /** The line of the closing `--}}` (0 when the comment never closes). */
  endLine: number
}

/** Finds the manifest comment at the very start of a template; null when the template does not start with one. */
export function manifestBlock(source: string): ManifestBlock | null {
  const opening = OPENING.exec(source)
  if (!opening) return null
  const rest = source.slice(opening[0].length)
  const closing = CLOSING.exec(rest)
  if (!closing) return { yaml: null, openingLength: opening[0].length, endLine: 0 }
  const end = opening[0].length + closing.index + closing[0].length
  return { yaml: rest.slice(0, closing.index), openingLength: opening[0].length, endLine: source.slice(0, end).split(/\r\n|\r|\n/).length }
}
