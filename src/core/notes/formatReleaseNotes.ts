import type { PhrasingContent } from 'mdast'
import { notesMarkdown } from './notesMarkdown.ts'
import type { NotesChange, ReleaseNotes } from './types.ts'

/**
 * Release notes as Markdown, ready for `gh release create --notes-file -`:
 *
 * ```markdown
 * # <title>
 *
 * **Version**: 2.4.0 · **Component**: payments-api · **Released**: 2026-08-12
 *
 * ## New Features
 *
 * - …
 *
 * ## Changes
 *
 * - feat(routing): … ([`91d3e4a`](https://github.com/acme/payments/commit/91d3e4a))
 * ```
 *
 * Values from the frontmatter are written as text (escaped wherever they could start markup); the
 * sections' items are already inert (`notesSectionsOf`). Parts with no value are left out.
 */
export function formatReleaseNotes(notes: ReleaseNotes): string {
  const blocks = [notesMarkdown({ type: 'heading', depth: 1, children: [text(notes.title)] })]
  const facts: PhrasingContent[] = []
  const fact = (label: string, value: string | null): void => {
    if (value === null) return
    if (facts.length > 0) facts.push(text(' · '))
    facts.push({ type: 'strong', children: [text(label)] }, text(`: ${value}`))
  }
  fact('Version', notes.version)
  fact('Component', notes.component)
  fact(notes.dateKind === 'released' ? 'Released' : 'Scheduled', notes.date)
  if (facts.length > 0) blocks.push(notesMarkdown({ type: 'paragraph', children: facts }))
  for (const section of notes.sections) {
    blocks.push(notesMarkdown({ type: 'heading', depth: 2, children: [text(section.name)] }), bulletList(section.items))
  }
  if (notes.changes.length > 0) {
    blocks.push('## Changes', bulletList(notes.changes.map(changeMarkdown)))
  }
  return `${blocks.join('\n\n')}\n`
}

/** Items (Markdown without bullets) as a tight `-` list; continuation lines indented under their bullet. */
export function bulletList(items: readonly string[]): string {
  return items.map((item) => `- ${item.split('\n').map((line, index) => (index === 0 || line === '' ? line : `  ${line}`)).join('\n')}`).join('\n')
}

/** `title ([`id`](url))`, `title (`id`)`, or the id alone when there is no title. */
export function changeMarkdown(change: NotesChange): string {
  const id: PhrasingContent[] = change.id === '' ? [] : [change.url === null ? { type: 'inlineCode', value: change.id } : { type: 'link', url: change.url, children: [{ type: 'inlineCode', value: change.id }] }]
  const children: PhrasingContent[] = change.title === '' ? id : id.length === 0 ? [text(change.title)] : [text(`${change.title} (`), ...id, text(')')]
  return notesMarkdown({ type: 'paragraph', children })
}

function text(value: string): PhrasingContent {
  return { type: 'text', value }
}
