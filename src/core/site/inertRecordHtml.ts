import { defaultSchema } from 'rehype-sanitize'
import { escapeHtml } from './escapeHtml.ts'
import { toSingleLine } from './toSingleLine.ts'

/** The elements the sanitizer keeps (GitHub's schema): no script, style, template, svg, iframe, form, or any element whose content the HTML or Vue parser reads as raw text. */
const ELEMENTS = new Set(defaultSchema.tagNames ?? [])
const VOID = new Set(['br', 'hr', 'img', 'input', 'source', 'wbr'])
/** Attributes holding an address, and what such an address may start with (literally: no character reference can hide a scheme). */
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite', 'longdesc', 'srcset', 'action', 'formaction', 'poster', 'background', 'usemap'])
const SAFE_URL = /^(?:#|\/\/|(?:https?|mailto|xmpp|ircs?):)/i
/** Event handlers, styles, and Vue's own attributes (`v-…`, and `is`, which names a component). */
const REFUSED_ATTRIBUTE = /^(?:on|v-|is$|style$|srcdoc$|xmlns|xlink)/

/**
 * Where an element may be opened. The HTML parser closes elements a new `li`, `dd`, `dt` or `a`
 * start tag finds open (a `div` among them, whose `</div>` would then close the wrapper): these
 * stay where the renderer puts them, so that it never has to.
 */
const PARENTS: { [name: string]: ReadonlySet<string> } = {
  li: new Set(['ul', 'ol']),
  dd: new Set(['dl']),
  dt: new Set(['dl']),
}

const TAG = /<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z][a-z0-9-]*(?:="[^"]*")?)*)\s*>/y
const ATTRIBUTE = /\s+([a-z][a-z0-9-]*)(?:="([^"]*)")?/g

/**
 * Whether single-line HTML is made only of what shiplog's renderer writes: text without `<`,
 * and tags of the sanitizer's elements with double-quoted attributes, no event handler, style
 * or Vue attribute, addresses starting with `#`, `//` or a safe scheme, every element closed in
 * order (void elements aside), list items in lists and no link in a link. HTML of that shape
 * cannot close the `<div class="shiplog-record">` it is shown in, neither when the browser parses
 * the server-rendered page (no start tag it may meet closes a `div`, so every `</div>` closes its
 * own) nor when Vue sets it as the wrapper's `innerHTML`.
 */
export function isRecordHtmlShape(html: string): boolean {
  const open: string[] = []
  let at = 0
  while (at < html.length) {
    const next = html.indexOf('<', at)
    if (next < 0) break
    TAG.lastIndex = next
    const tag = TAG.exec(html)
    if (tag === null) return false
    const [whole, closing, name = '', attributes = ''] = tag
    if (!ELEMENTS.has(name)) return false
    if (closing) {
      if (attributes !== '' || open.pop() !== name) return false
    } else {
      for (const [, attribute = '', value] of attributes.matchAll(ATTRIBUTE)) {
        if (REFUSED_ATTRIBUTE.test(attribute)) return false
        if (URL_ATTRIBUTES.has(attribute) && value !== undefined && value !== '' && !SAFE_URL.test(value)) return false
      }
      const parents = PARENTS[name]
      if (parents !== undefined && !parents.has(open.at(-1) ?? '')) return false
      if (name === 'a' && open.includes('a')) return false
      if (!VOID.has(name)) open.push(name)
    }
    at = next + whole.length
  }
  return open.length === 0
}

/**
 * The record HTML a page shows (`recordBodyDataOf`), whatever produced it (the renderer, or a
 * cache entry): on one line, with every `{`, `}` and `<!` as a character reference (`toSingleLine`,
 * idempotent), so no Vue interpolation or VitePress include could form even where it were read as
 * a template; and, unless it has the
 * renderer's shape (`isRecordHtmlShape`), shown as text instead (`escapeHtml`). The renderer's
 * own output always has that shape: this only ever changes HTML that did not come from it.
 */
export function inertRecordHtml(html: string): string {
  const line = toSingleLine(html)
  return isRecordHtmlShape(line) ? line : toSingleLine(escapeHtml(html))
}
