import { ShiplogError } from '../errors.ts'
import { normalizeName } from '../record/normalizeName.ts'
import { bulletList } from './formatReleaseNotes.ts'
import type { ReleaseNotes } from './types.ts'

/** Keep a Changelog 1.1.0's kinds of change, in the order its example lists them. */
export const CHANGE_KINDS = ['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security'] as const
export type ChangeKind = (typeof CHANGE_KINDS)[number]

/**
 * Which Keep a Changelog kind a Release Notes section goes under (by its name, case-insensitive);
 * `Breaking Changes` go under Changed, each marked **Breaking:**; Known Issues are left out (they
 * are not changes). Any other section goes under Changed.
 */
const KIND_OF: { [section: string]: ChangeKind | null } = {
  'new features': 'Added',
  features: 'Added',
  added: 'Added',
  'bug fixes': 'Fixed',
  fixes: 'Fixed',
  fixed: 'Fixed',
  'technical improvements': 'Changed',
  improvements: 'Changed',
  changed: 'Changed',
  'breaking changes': 'Changed',
  deprecated: 'Deprecated',
  deprecations: 'Deprecated',
  removed: 'Removed',
  removals: 'Removed',
  security: 'Security',
  'security fixes': 'Security',
  'known issues': null,
}

/** The kind a section's items go under, or null when they are left out of the changelog. */
export function changeKindOf(section: string): ChangeKind | null {
  const name = normalizeName(section)
  return name in KIND_OF ? (KIND_OF[name] as ChangeKind | null) : 'Changed'
}

/**
 * A release's entry in a Keep a Changelog file: `## [version] - YYYY-MM-DD`, then one `### Kind`
 * list per kind that has items (`changeKindOf`), in Keep a Changelog's order. The commits of
 * `changes` are not listed (a changelog is not a commit log). Throws a ShiplogError (exit 2) when
 * the record has no version or no date, which the heading needs.
 */
export function changelogEntryOf(notes: ReleaseNotes): string {
  if (notes.version === null) throw new ShiplogError(`${notes.file}: Unexpected record without a \`version\`, expected one to name its changelog entry`, 2)
  if (notes.date === null) throw new ShiplogError(`${notes.file}: Unexpected record without a readable \`scheduled\` or deploy time, expected one to date its changelog entry`, 2)
  const byKind = new Map<ChangeKind, string[]>()
  for (const section of notes.sections) {
    const kind = changeKindOf(section.name)
    if (kind === null) continue
    const breaking = normalizeName(section.name) === 'breaking changes'
    const items = byKind.get(kind) ?? []
    items.push(...section.items.map((item) => (breaking ? `**Breaking:** ${item}` : item)))
    byKind.set(kind, items)
  }
  const blocks = [`## [${notes.version}] - ${notes.date}`]
  for (const kind of CHANGE_KINDS) {
    const items = byKind.get(kind)
    if (items && items.length > 0) blocks.push(`### ${kind}`, bulletList(items))
  }
  return `${blocks.join('\n\n')}\n`
}
