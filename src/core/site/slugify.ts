import { slugify as mditSlugify } from '@mdit-vue/shared'

/**
 * A heading's anchor by VitePress's rule: `@mdit-vue/shared`'s `slugify`, which VitePress's
 * markdown-it anchor plugin uses for the headings of its pages. Accents are dropped (`é` → `e`),
 * runs of spaces and ASCII punctuation become one `-`, other characters (letters of any script,
 * emoji) are kept, a leading digit gets `_`, and the result is lower-cased.
 */
export function slugify(text: string): string {
  return mditSlugify(text)
}

/**
 * `slug`, or the first of `slug-1`, `slug-2`, … not in `taken`, which it is added to: the rule of
 * VitePress's anchor plugin (markdown-it-anchor) for headings of the same name.
 */
export function uniqueSlug(slug: string, taken: Set<string>): string {
  let id = slug
  for (let n = 1; taken.has(id); n++) id = `${slug}-${n}`
  taken.add(id)
  return id
}
