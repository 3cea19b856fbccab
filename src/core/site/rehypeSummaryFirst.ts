import type { Element, ElementContent, Root as HastRoot, RootContent, Text } from 'hast'
import { visit, SKIP } from 'unist-util-visit'
import { normalizeName } from '../record/normalizeName.ts'
import { CHOICE_HINT, withoutChoiceHint } from './choiceHint.ts'
import { hastText } from './hastText.ts'

/**
 * What the summary above a record's section shows, so that the section does not show it again.
 * Made by `bodySummaryOf`; declared here, so that the renderer's code (which keys the body cache)
 * takes nothing from the record model.
 */
export interface RecordBodySummary {
  /** Tables the summary shows: the line the table starts on, the summary's copy (`#shiplog-timeline`) and the table's heading. */
  tables: Array<{ line: number; href: string; name: string }>
  /** Fields the summary lists: the bold labels a record writes each under, and the values that repeat it. */
  fields: Array<{ labels: readonly string[]; values: string[] }>
  /** The `##` sections shown collapsed (the template manifest's `reference`). */
  reference: readonly string[]
}

/**
 * Runs on the sanitized tree and puts the page's summary first, so the record's section below it
 * holds the record's own content once:
 *
 * - a field line's trailing alternatives hint is left out (`**Release Type**: minor (Major |
 *   Minor | Patch | Hotfix)` shows `minor`): the template's `choices` hold the alternatives;
 * - the Overview's field lines that repeat a field the summary lists, with the same value, are
 *   left out, and one note in their place names them and links to the summary (`#shiplog-summary`);
 * - a table the summary shows (the timeline, the issues) is replaced by a note linking to the
 *   summary's copy (`#shiplog-timeline`, `#shiplog-issues`); its heading stays;
 * - each reference section (the manifest's `reference`) is wrapped in `<details>`, its heading the
 *   `<summary>`: collapsed, never dropped.
 *
 * Checklists are never touched, so every item keeps its `#L<line>` anchor.
 */
export function rehypeSummaryFirst(summary: RecordBodySummary | null) {
  return (tree: HastRoot): void => {
    dropChoiceHints(tree)
    if (summary === null) return
    replaceTables(tree, summary)
    dropRepeatedFields(tree, summary)
    collapseReference(tree, summary.reference)
  }
}

/** A paragraph that is a field line, `**Label**: value`: its label and its value as text. */
function fieldLineOf(node: Element): { label: string; value: string } | null {
  if (node.tagName !== 'p') return null
  const [first, ...rest] = node.children
  if (first?.type !== 'element' || first.tagName !== 'strong') return null
  const strong = hastText(first).trim()
  const after = rest.map(hastText).join('')
  // `**Label**: value` or `**Label:** value`.
  if (strong.endsWith(':')) return { label: strong.slice(0, -1), value: after.trim() }
  if (!after.startsWith(':')) return null
  return { label: strong, value: after.slice(1).trim() }
}

function dropChoiceHints(tree: HastRoot): void {
  visit(tree, 'element', (node: Element) => {
    const field = fieldLineOf(node)
    if (field === null || withoutChoiceHint(field.value) === field.value) return undefined
    const last = node.children.at(-1)
    const match = last?.type === 'text' ? CHOICE_HINT.exec(last.value) : null
    if (last?.type === 'text' && match !== null) last.value = last.value.slice(0, match.index)
    return SKIP
  })
}

function replaceTables(tree: HastRoot, summary: RecordBodySummary): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'table' || !parent || index === undefined) return undefined
    const shown = summary.tables.find((table) => table.line === node.position?.start.line)
    if (!shown) return undefined
    parent.children[index] = note([
      text('This table is shown once, in the summary above: '),
      link(shown.href, shown.name || 'the table'),
      text('.'),
    ])
    return SKIP
  })
}

/** Lower-cased, whitespace collapsed: how a written value is compared with the summary's. */
const same = (value: string): string => value.replace(/\s+/g, ' ').trim().toLowerCase()

function dropRepeatedFields(tree: HastRoot, summary: RecordBodySummary): void {
  const repeats = (label: string, value: string): boolean =>
    summary.fields.some(
      (field) => field.labels.some((written) => normalizeName(written) === normalizeName(label)) && field.values.some((shown) => same(shown) === same(value)),
    )
  const kept: RootContent[] = []
  const dropped: string[] = []
  let noteAt = -1
  let section = ''
  let afterDropped = false
  for (const child of tree.children) {
    // The line break after a line left out goes with it.
    if (afterDropped && child.type === 'text' && child.value.trim() === '') continue
    afterDropped = false
    if (child.type === 'element' && /^h[12]$/.test(child.tagName)) section = child.tagName === 'h2' ? normalizeName(hastText(child)) : ''
    const field = child.type === 'element' && section === 'overview' ? fieldLineOf(child) : null
    if (field !== null && repeats(field.label, withoutChoiceHint(field.value))) {
      if (noteAt === -1) noteAt = kept.length
      dropped.push(field.label)
      afterDropped = true
      continue
    }
    kept.push(child)
  }
  if (noteAt === -1) return
  kept.splice(noteAt, 0, note([text(`${listOf(dropped)}: shown in the `), link('#shiplog-summary', 'summary'), text(' above.')]))
  tree.children = kept
}

function collapseReference(tree: HastRoot, reference: readonly string[]): void {
  const names = new Set(reference.map(normalizeName))
  if (names.size === 0) return
  const out: RootContent[] = []
  let open: Element | null = null
  for (const child of tree.children) {
    if (child.type === 'element' && /^h[12]$/.test(child.tagName)) {
      open = null
      if (child.tagName === 'h2' && names.has(normalizeName(hastText(child)))) {
        open = {
          type: 'element',
          tagName: 'details',
          properties: { className: ['shiplog-reference'] },
          children: [{ type: 'element', tagName: 'summary', properties: {}, children: [child] }],
        }
        out.push(open)
        continue
      }
    }
    if (open !== null) open.children.push(child as ElementContent)
    else out.push(child)
  }
  tree.children = out
}

function note(children: ElementContent[]): Element {
  return { type: 'element', tagName: 'p', properties: { className: ['shiplog-in-summary'] }, children }
}

function link(href: string, label: string): Element {
  return { type: 'element', tagName: 'a', properties: { href }, children: [text(label)] }
}

function text(value: string): Text {
  return { type: 'text', value }
}

/** `A`, `A and B`, `A, B and C`. */
function listOf(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}
