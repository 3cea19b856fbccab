import type { Element, ElementContent, Root as HastRoot } from 'hast'
import type { Html, Root as MdastRoot } from 'mdast'
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal'
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { visit, SKIP } from 'unist-util-visit'
import { parseBody } from '../record/parseBody.ts'
import { hastText } from './hastText.ts'
import { rehypeAccessibleRecord } from './rehypeAccessibleRecord.ts'
import { rehypeSummaryFirst, type RecordBodySummary } from './rehypeSummaryFirst.ts'
import { repoFileUrl } from './repoFileUrl.ts'
import { slugify, uniqueSlug } from './slugify.ts'
import { toSingleLine } from './toSingleLine.ts'

export { toSingleLine }

export interface RenderRecordBodyOptions {
  /** The record's path relative to the project root, with `/` (resolves relative links). */
  file: string
  /** Repository links: relative links and images in the record point at its files there. */
  repo?: { url: string; branch: string } | null
  /** Lower every heading one level (`#` becomes `<h2>`), for a page that has its own title. Default true. */
  demoteHeadings?: boolean
  /**
   * What the page's summary above the record shows (`bodySummaryOf`): those tables and Overview
   * field lines are left out of the record's section, with a note linking to the summary's copy,
   * and the reference sections are collapsed (`rehypeSummaryFirst`). Absent: nothing left out.
   */
  summary?: RecordBodySummary
}

const COMMENT = /^<!--[\s\S]*?-->\s*$/
const BREAK = /^<br\s*\/?>$/i

/**
 * Raw HTML in a record is shown as text, never interpreted: a block of HTML becomes a code block,
 * inline HTML becomes text (`<br>` stays a line break); HTML comments are notes for the record's
 * authors and are dropped.
 */
function remarkRawHtmlAsText() {
  return (tree: MdastRoot): void => {
    visit(tree, 'html', (node: Html, index, parent) => {
      if (!parent || index === undefined) return
      const value = node.value
      if (COMMENT.test(value.trim())) {
        parent.children.splice(index, 1)
        return [SKIP, index]
      }
      const inline = parent.type === 'paragraph' || parent.type === 'heading' || parent.type === 'tableCell' ||
        parent.type === 'emphasis' || parent.type === 'strong' || parent.type === 'delete' || parent.type === 'link'
      const replacement = inline
        ? BREAK.test(value.trim())
          ? { type: 'break' as const }
          : { type: 'text' as const, value }
        : { type: 'code' as const, lang: null, meta: null, value }
      ;(parent.children as unknown[])[index] = replacement
      return SKIP
    })
  }
}

const EXTERNAL = /^[a-z][a-z0-9+.-]*:/i

/**
 * Runs on the sanitized tree: gives headings ids by VitePress's rule and permalinks (the page
 * outline and search use them), gives task items an id from their line (`L42`, the open-items list links there), points
 * relative links and images at the repository (or drops them when no repository is configured, as
 * they would be broken on the site), and opens external links without a referrer.
 */
function rehypeSiteLinks(options: RenderRecordBodyOptions) {
  return (tree: HastRoot): void => {
    // Ids already in the tree (the footnotes') are not given to headings.
    const taken = new Set<string>()
    visit(tree, 'element', (node: Element) => {
      if (typeof node.properties['id'] === 'string') taken.add(node.properties['id'])
    })
    visit(tree, 'element', (node: Element, index, parent) => {
      if (/^h[1-6]$/.test(node.tagName)) {
        const level = Number(node.tagName.slice(1))
        if (options.demoteHeadings !== false && level < 6) node.tagName = `h${level + 1}`
        // A heading with an id already is the footnotes' label, which the references name.
        const given = node.properties['id']
        // Others get VitePress's anchor for their text (`slugify`), so that links written the
        // way VitePress and its outline name headings land on them.
        const id = typeof given === 'string' && given !== '' ? given : uniqueSlug(slugify(hastText(node)) || 'section', taken)
        node.properties['id'] = id
        // A heading that is a collapsed section's summary gets no permalink: a link inside the
        // summary's toggle would be a control inside a control.
        if (parent?.type === 'element' && parent.tagName === 'summary') return SKIP
        node.children.push({
          type: 'element',
          tagName: 'a',
          properties: { className: ['header-anchor'], href: `#${id}`, ariaLabel: `Permalink to “${hastText(node)}”` },
          children: [{ type: 'text', value: '\u200b' }],
        })
        return SKIP
      }
      if (node.tagName === 'li' && hasClass(node, 'task-list-item') && node.position) {
        node.properties['id'] = `L${node.position.start.line}`
      }
      if (node.tagName === 'a') {
        const href = typeof node.properties['href'] === 'string' ? node.properties['href'] : null
        if (href === null || href.startsWith('#')) return
        if (EXTERNAL.test(href) || href.startsWith('//')) {
          node.properties['rel'] = ['noopener', 'noreferrer']
          return
        }
        const url = options.repo ? repoFileUrl(options.repo, options.file, href, 'blob') : null
        if (url === null) delete node.properties['href']
        else node.properties['href'] = url
        return
      }
      if (node.tagName === 'img') {
        const src = typeof node.properties['src'] === 'string' ? node.properties['src'] : null
        node.properties['loading'] = 'lazy'
        node.properties['referrerPolicy'] = 'no-referrer'
        if (src !== null && (EXTERNAL.test(src) || src.startsWith('//'))) return
        const url = src !== null && options.repo ? repoFileUrl(options.repo, options.file, src, 'raw') : null
        if (url !== null) {
          node.properties['src'] = url
          return
        }
        // A relative image cannot be shown without the repository: keep its alternative text.
        if (parent && index !== undefined) {
          const alt = typeof node.properties['alt'] === 'string' ? node.properties['alt'] : ''
          ;(parent.children as ElementContent[])[index] = { type: 'text', value: alt ? `[image: ${alt}]` : '[image]' }
        }
        return SKIP
      }
      return undefined
    })
  }
}

function hasClass(node: Element, name: string): boolean {
  const value = node.properties['className']
  return Array.isArray(value) && value.includes(name)
}

/**
 * GitHub's schema, except that ids are not prefixed again: the only ids and names in the tree
 * when it is sanitized are the footnotes' (raw HTML never reaches it, see `remarkRawHtmlAsText`),
 * and remark-rehype already prefixes those, and the links to them, with `user-content-`. A
 * second prefix on the ids alone would leave every footnote link pointing nowhere.
 */
const SCHEMA = { ...defaultSchema, clobberPrefix: '' }

/** Parses a body with all of GFM, footnotes included (`renderRecordBody`, when a body may have them). */
const fullGfm = unified().use(remarkParse).use(remarkGfm).freeze()

/**
 * GFM's autolink literals (`https://…`, `www.…`, e-mail addresses in text) as links: the step of
 * remark-gfm that finds them in text nodes, run on the record parser's tree, which leaves them out
 * (decision 3). Link texts and code are left alone.
 */
const [findAutolinkLiterals] = gfmAutolinkLiteralFromMarkdown().transforms ?? []

/** A body that may hold a footnote (`[^label]`) is parsed again with all of GFM to render it. */
const FOOTNOTE = '[^'

const processor = (options: RenderRecordBodyOptions) =>
  unified()
    .use(remarkRawHtmlAsText)
    .use(remarkRehype, { clobberPrefix: 'user-content-' })
    .use(rehypeSanitize, SCHEMA)
    .use(rehypeSummaryFirst, options.summary ?? null)
    .use(rehypeSiteLinks, options)
    .use(rehypeAccessibleRecord)
    .use(rehypeStringify, { characterReferences: { useNamedReferences: false } })

/**
 * Renders a record's Markdown body to sanitized HTML on a single line: raw HTML shows as text,
 * the sanitizer (GitHub's schema) drops scripts, event handlers and `javascript:` links, task
 * items keep their state as disabled checkboxes named after their text, tables scroll inside a
 * focusable region (`rehypeAccessibleRecord`), what the page's summary shows is left out or
 * collapsed (`options.summary`, `rehypeSummaryFirst`), and every line break is written as `&#10;`
 * so that the result is one line of HTML.
 *
 * The body is read as the record parser reads it (`parseBody`), with autolink literals found in
 * its text; `tree`, when given, is that parse of this very `markdown` (the parser's own tree,
 * `ParseRecordOptions.onBodyTree`), so a body is parsed once for its record and its page. The
 * tree is changed. A body that may hold footnotes is parsed again with all of GFM.
 *
 * Every `{`, `}` and `<<<`/`@include` look-alike is left as text; the page shows the result with
 * `v-html` from its data (`recordBodyDataOf`), so neither markdown-it nor Vue compiles any of it.
 */
export function renderRecordBody(markdown: string, options: RenderRecordBodyOptions, tree?: MdastRoot): string {
  let parsed: MdastRoot
  if (markdown.includes(FOOTNOTE)) {
    parsed = fullGfm.parse(markdown)
  } else {
    parsed = tree ?? parseBody(markdown)
    findAutolinkLiterals?.(parsed)
  }
  const run = processor(options)
  const html = run.stringify(run.runSync(parsed) as HastRoot)
  return toSingleLine(html)
}
