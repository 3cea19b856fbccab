import type { ListItem } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { findPlaceholders } from '../record/findPlaceholders.ts'
import { normalizeName } from '../record/normalizeName.ts'
import { parseBody } from '../record/parseBody.ts'
import { readItem } from '../record/readItem.ts'
import { walkSections } from '../record/walkSections.ts'
import { inertNotes } from './inertNotes.ts'
import { notesMarkdown } from './notesMarkdown.ts'
import type { NotesSection } from './types.ts'

/** The H2 section whose subsections are the release notes. */
export const RELEASE_NOTES_HEADING = 'release notes'

/** An item that says there is nothing: `None`, `N/A`, `-`, `—` (with or without a full stop). */
const NOTHING = /^(?:none|n\/a|na|-|–|—)\.?$/i

/**
 * The sections of a record's `## Release Notes`: each H3/H4 heading (or bold label before a list)
 * under it, with the top-level items of its lists, in record order. Left out: items holding an
 * unfilled placeholder (`{{feature_1}}`), items that say nothing (`None`, `N/A`, wholly struck
 * through, or empty), and then sections with no item left. Paragraphs outside lists are not
 * items. `body` is the record's body as `recordBodyOf` gives it (offsets are file offsets).
 */
export function notesSectionsOf(body: string): NotesSection[] {
  const sections: NotesSection[] = []
  walkSections(parseBody(body), (node, context) => {
    if (node.type !== 'list' || context.h2 === null || normalizeName(context.h2) !== RELEASE_NOTES_HEADING) return
    const name = context.group?.name
    if (name === undefined || normalizeName(name) === RELEASE_NOTES_HEADING) return
    let section = sections.find((existing) => normalizeName(existing.name) === normalizeName(name))
    if (!section) {
      section = { name, items: [] }
      sections.push(section)
    }
    for (const item of node.children) {
      if (saysSomething(item, body)) section.items.push(itemMarkdown(item))
    }
  })
  return sections.filter((section) => section.items.length > 0)
}

function saysSomething(item: ListItem, body: string): boolean {
  const start = item.position?.start.offset
  const end = item.position?.end.offset
  if (start !== undefined && end !== undefined && findPlaceholders(body.slice(start, end)).length > 0) return false
  const text = toString(item, { includeHtml: false }).trim()
  if (text === '' || NOTHING.test(text)) return false
  return !readItem({ ...item, checked: false }, 0).notApplicable
}

/** The item's content as inert Markdown, without its bullet or checkbox. */
function itemMarkdown(item: ListItem): string {
  return notesMarkdown({ type: 'root', children: inertNotes(item.children, true) })
}
