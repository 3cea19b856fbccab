import { keyPoint } from '../record/valuePoint.ts'
import { readKeyword } from '../record/readKeyword.ts'
import type { ReleaseRecord } from '../record/types.ts'
import type { MetricsReading } from './readForMetrics.ts'

/** What decides whether a record is of a component: its `component` (lower-cased, `readKeyword`) and the line of its key. */
export interface ComponentKeyword {
  keyword: string | null
  line: number
}

/** A record's `ComponentKeyword`. */
export function componentKeywordOf(record: ReleaseRecord): ComponentKeyword {
  return { keyword: readKeyword(record, 'component'), line: keyPoint(record, 'component').line }
}

/**
 * `readForMetrics(record, { environment, component })` worked out from the record's reading for
 * every component (`component: null`, the same environment) and its `ComponentKeyword`, without
 * the record: the site measures each component from the readings it keeps. A record that was not
 * wholly read, or has no frontmatter, is left out for that reason first (`readDeployment`); one of
 * another component is left out as such, with no stage times.
 */
export function readingForComponent(all: MetricsReading, of: ComponentKeyword, component: string): MetricsReading {
  if (of.keyword === component) return all
  const { reading } = all
  const first = reading.kind === 'excluded' && (reading.exclusion.code === 'unreadable' || reading.exclusion.code === 'no-frontmatter')
  const reason = of.keyword === null ? `no \`component\`, not \`${component}\`` : `component \`${of.keyword}\`, not \`${component}\``
  return {
    file: all.file,
    reading: first ? reading : { kind: 'excluded', exclusion: { file: all.file, line: of.line, code: 'other-component', reason }, problems: [] },
    stages: [],
  }
}
