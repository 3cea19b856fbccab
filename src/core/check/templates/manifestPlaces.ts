import { LineCounter, parseDocument } from 'yaml'
import type { Point } from '../../record/types.ts'

/** A group rule as written in the manifest (before validation), and where it stands. */
export interface WrittenRule extends Point {
  stage: string
  groups: string[]
  role: unknown
  gate: unknown
  when: unknown
}

/** Where the parts of a template's manifest stand in the template file. */
export interface ManifestPlaces {
  /** The `name` value, when written. */
  name: Point | null
  /** Each declared variable, by name. */
  variables: Map<string, Point>
  /** Group rules that name a `stage` and a `group` (others are reported by `parseManifest`). */
  rules: WrittenRule[]
  /** `tables.timeline` and `tables.issues`, when written. */
  tables: { timeline?: Point & { heading: string }; issues?: Point & { heading: string } }
}

const OPENING = /^\uFEFF?\{\{~?!--/
const CLOSING = /--~?\}\}/

/**
 * Reads where the manifest's name, variables, rules and tables stand, for diagnostics about them.
 * Positions are counted as `parseManifest` counts them. A manifest that does not parse has no places.
 */
export function manifestPlaces(source: string): ManifestPlaces {
  const places: ManifestPlaces = { name: null, variables: new Map(), rules: [], tables: {} }
  const opening = OPENING.exec(source)
  if (!opening) return places
  const rest = source.slice(opening[0].length)
  const closing = CLOSING.exec(rest)
  if (!closing) return places
  const lineCounter = new LineCounter()
  const doc = parseDocument(rest.slice(0, closing.index), { lineCounter, prettyErrors: false, uniqueKeys: true })
  if (doc.errors.length > 0) return places
  const at = (path: Array<string | number>): Point | null => {
    const node = doc.getIn(['shiplog', ...path], true) as { range?: [number, number, number] } | undefined
    const offset = node?.range?.[0]
    if (offset === undefined) return null
    const pos = lineCounter.linePos(offset)
    return { line: pos.line, column: pos.line === 1 ? pos.col + opening[0].length : pos.col }
  }

  const root: unknown = doc.toJS()
  const shiplog = isObject(root) ? root['shiplog'] : undefined
  if (!isObject(shiplog)) return places
  if (typeof shiplog['name'] === 'string') places.name = at(['name'])
  if (isObject(shiplog['variables'])) {
    for (const name of Object.keys(shiplog['variables'])) places.variables.set(name, at(['variables', name]) ?? { line: 1, column: 1 })
  }
  const groups = shiplog['groups']
  if (Array.isArray(groups)) {
    groups.forEach((raw: unknown, index) => {
      if (!isObject(raw) || typeof raw['stage'] !== 'string') return
      const group = raw['group']
      const names = typeof group === 'string' ? [group] : Array.isArray(group) && group.every((g) => typeof g === 'string') ? (group as string[]) : null
      if (!names) return
      const point = at(['groups', index]) ?? { line: 1, column: 1 }
      places.rules.push({ ...point, stage: raw['stage'], groups: names, role: raw['role'], gate: raw['gate'], when: raw['when'] })
    })
  }
  const tables = shiplog['tables']
  if (isObject(tables)) {
    for (const key of ['timeline', 'issues'] as const) {
      const heading = tables[key]
      const point = at(['tables', key])
      if (typeof heading === 'string' && point) places.tables[key] = { ...point, heading }
    }
  }
  return places
}

function isObject(value: unknown): value is { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
