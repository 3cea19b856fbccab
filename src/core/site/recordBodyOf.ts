import { decodeSource } from '../record/decodeSource.ts'
import { splitFrontmatter } from '../record/splitFrontmatter.ts'

/**
 * The Markdown body of a record, read the way the parser reads it (strict UTF-8, BOM dropped,
 * line breaks normalised, frontmatter lines emptied so lines keep their numbers). The
 * frontmatter is never part of it, whatever its language. Null when the bytes are not text.
 */
export function recordBodyOf(source: string | Uint8Array): string | null {
  const decoded = decodeSource(source)
  if (!decoded.ok) return null
  return splitFrontmatter(decoded.text).body
}
