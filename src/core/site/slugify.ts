/**
 * A heading's anchor, the way VitePress and GitHub make them: lower-cased, letters and digits kept
 * (any script), spaces and dashes to single dashes, everything else dropped.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/[\s_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
}
