import type { Heading, List, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import { describe, expect, it } from 'vitest'
import { formatReleaseNotes } from '../../src/core/notes/formatReleaseNotes.ts'
import { releaseNotesOf } from '../../src/core/notes/releaseNotesOf.ts'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import { recordBodyOf } from '../../src/core/site/recordBodyOf.ts'
import { NOTES_RECORD } from './fixtureRecord.ts'

const REPO = { url: 'https://github.com/acme/shop', branch: 'main' }

function notesOf(source: string, repo: typeof REPO | null = REPO, timeZone: string | null = null): string {
  const record = parseRecord(source, { file: 'releases/web-shop/3.2.0.md' })
  return formatReleaseNotes(releaseNotesOf(record, recordBodyOf(source) ?? '', { repo, timeZone }))
}

/** The notes read back by remark (CommonMark + GFM), an independent parser. */
function parse(markdown: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(markdown)
}

/** Each heading's depth and text, and the texts of the list after it, in document order. */
function outline(tree: Root): Array<{ depth: number; text: string; items: string[] }> {
  const out: Array<{ depth: number; text: string; items: string[] }> = []
  for (const node of tree.children) {
    if (node.type === 'heading') out.push({ depth: (node as Heading).depth, text: toString(node), items: [] })
    else if (node.type === 'list') out[out.length - 1]?.items.push(...(node as List).children.map((item) => toString(item)))
  }
  return out
}

describe('release notes', () => {
  it('should give the title, the filled sections with their items and the changes, read back by remark', () => {
    const tree = parse(notesOf(NOTES_RECORD))
    expect(outline(tree)).toEqual([
      { depth: 1, text: 'Faster checkout', items: [] },
      // {{feature_3}} is left out; the HTML tag is text, not markup.
      { depth: 2, text: 'New Features', items: ['One-page checkout with Apple Pay', 'Saved addresses <b onclick="alert(1)">remembered</b>'] },
      // The javascript: link and the image keep only their text.
      { depth: 2, text: 'Bug Fixes', items: ['Coupon codes are case-insensitive (SHOP-12)', 'See the docs and pixel'] },
      // Technical Improvements (only placeholders) and Breaking Changes ("None") are empty: left out.
      // The struck-through issue is not applicable; the HTML comment is not an item.
      { depth: 2, text: 'Known Issues', items: ['Gift cards cannot be combined with coupons'] },
      { depth: 2, text: 'Changes', items: ['feat(cart): one-page checkout (4f1c2ab)', 'Ticket without a commit id (PAY-77)'] },
    ])
  })

  it('should state version, component and the deploy day in the offset it was written with', () => {
    const tree = parse(notesOf(NOTES_RECORD))
    const facts = tree.children[1]
    expect(facts?.type).toBe('paragraph')
    // deployed_at 2026-03-10T09:30+11:00 is the 10th there (the 9th in UTC).
    expect(toString(facts)).toBe('Version: 3.2.0 · Component: web-shop · Released: 2026-03-10')
    expect(toString(parse(notesOf(NOTES_RECORD, REPO, 'UTC')).children[1])).toBe('Version: 3.2.0 · Component: web-shop · Released: 2026-03-09')
  })

  it('should date a record not yet deployed by its scheduled day, and say so', () => {
    const planned = NOTES_RECORD.replace('status: deployed', 'status: approved').replace(/deployed_at: .*\n/, '')
    expect(toString(parse(notesOf(planned)).children[1])).toBe('Version: 3.2.0 · Component: web-shop · Scheduled: 2026-03-09')
  })

  it('should link commit ids to the repository, and nothing else', () => {
    const links: string[] = []
    visit(parse(notesOf(NOTES_RECORD)), 'link', (node) => {
      links.push(node.url)
    })
    expect(links).toEqual(['https://github.com/acme/shop/commit/4f1c2ab'])
    const unlinked: string[] = []
    visit(parse(notesOf(NOTES_RECORD, null)), 'link', (node) => {
      unlinked.push(node.url)
    })
    expect(unlinked).toEqual([])
  })

  it('should carry no raw HTML and no image from the record into the notes', () => {
    const tree = parse(notesOf(NOTES_RECORD.replace('release: "Faster checkout"', 'release: "<script>alert(1)</script> checkout"')))
    const kinds = new Set<string>()
    visit(tree, (node) => {
      kinds.add(node.type)
    })
    expect(kinds.has('html')).toBe(false)
    expect(kinds.has('image')).toBe(false)
    expect(toString(tree.children[0])).toBe('<script>alert(1)</script> checkout')
  })

  it('should leave out the facts it does not have, and name an untitled record by component and version', () => {
    const bare = '---\nversion: "1.0.0"\ncomponent: api\nrelease: "{{release_name}}"\n---\n# Release\n'
    expect(notesOf(bare)).toBe('# api 1.0.0\n\n**Version**: 1.0.0 · **Component**: api\n')
  })
})
