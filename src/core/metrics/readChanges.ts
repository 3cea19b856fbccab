import type { PlacedMessage } from '../message/ShiplogMessage.ts'
import type { Point, ReleaseRecord } from '../record/types.ts'
import { valuePoint } from '../record/valuePoint.ts'
import { readDateValue } from './readDateValue.ts'

/** One entry of a record's `changes`, read. */
export interface ChangeReading extends Point {
  index: number
  /** The change's `id`; `#<n>` (its place in the list) when it has none. */
  id: string
  /** The entry names its `id` (a string entry is its own id): only then is it the same change as another record's. */
  hasId: boolean
  title: string
  /** When the change was committed, or null when absent or unreadable. */
  committedAt: Date | null
  /** The `committed_at` text as written (null when absent). */
  committedAtText: string | null
}

export interface ChangesReading {
  changes: ChangeReading[]
  problems: PlacedMessage[]
}

/** Reads `changes: [{id, title, committed_at}]`; unreadable `committed_at` values are reported. */
export function readChanges(record: ReleaseRecord): ChangesReading {
  const list = record.frontmatter.data['changes']
  if (!Array.isArray(list)) return { changes: [], problems: [] }
  const problems: PlacedMessage[] = []
  const changes = list.map((entry, index): ChangeReading => {
    const map = typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? entry : null
    const id = map && typeof map['id'] === 'string' ? map['id'] : typeof entry === 'string' ? entry : `#${index + 1}`
    const hasId = map ? typeof map['id'] === 'string' : typeof entry === 'string'
    const title = map && typeof map['title'] === 'string' ? map['title'] : ''
    const point = valuePoint(record, ['changes', index, 'committed_at'])
    const committed = readDateValue(record.file, map?.['committed_at'], point, `\`changes[${index}].committed_at\``)
    problems.push(...committed.problems)
    return { index, id, hasId, title, committedAt: committed.date, committedAtText: committed.text, ...point }
  })
  return { changes, problems }
}
