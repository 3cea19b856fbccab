import { queryObjects } from 'node:v8'
import { describe, expect, it } from 'vitest'
import { computeMetrics } from '../../src/core/metrics/computeMetrics.ts'
import { createMetricsReader, type MetricsReader } from '../../src/core/metrics/createMetricsReader.ts'
import { createRepositoryMetricsReader, type RepositoryMetricsReader } from '../../src/core/metrics/createRepositoryMetricsReader.ts'
import type { ReleaseRecord } from '../../src/core/record/types.ts'
import { record } from './loadRecords.ts'
import { metricsRecords } from './metricsRecords.ts'

// How the test knows what stays in memory: every plain object and array of a record (the record,
// its frontmatter, data, fields and points, its tables, rows and cells, its stages, items, stage
// times…) is given a marker prototype, and `v8.queryObjects` counts, after a full garbage
// collection, the live objects with that prototype. An object of the record the reader still
// reaches stays alive and is counted; everything else is collected. Class instances (messages,
// dates) keep their own prototype and are not counted.
class Marked {}
function NullMarked(): void {}
NullMarked.prototype = Object.create(null) as object
class MarkedArray extends Array {
  // What map/filter/slice of a marked array give is a plain array: only the record's own are marked.
  static override get [Symbol.species](): ArrayConstructor {
    return Array
  }
}

function mark(value: unknown, seen = new Set<object>()): void {
  if (typeof value !== 'object' || value === null || seen.has(value)) return
  seen.add(value)
  const prototype: unknown = Object.getPrototypeOf(value)
  if (prototype === Array.prototype) Object.setPrototypeOf(value, MarkedArray.prototype)
  else if (prototype === Object.prototype) Object.setPrototypeOf(value, Marked.prototype)
  else if (prototype === null) Object.setPrototypeOf(value, NullMarked.prototype)
  else return
  for (const child of Object.values(value)) mark(child, seen)
}

/** Live marked objects, after a full garbage collection. */
function marked(): number {
  return [Marked, NullMarked, MarkedArray].reduce((sum, ctor) => sum + (queryObjects(ctor as never, { format: 'count' }) as number), 0)
}

/**
 * The hand-made records and one more production deployment whose cells and values cannot be read:
 * its warnings (messages made while reading it) are kept, and must not keep the record either.
 */
function records(): ReleaseRecord[] {
  const unreadable = record({
    file: 'releases/w.md',
    frontmatter: ['environment: production', 'status: closed', 'deployed_at: "2026-03-05T10:00:00Z"', 'restored_at: "soon"', 'changes:', '  - id: c9', '    committed_at: "yesterday"'].join('\n'),
    timeline: ['| Application deployment | 10:00 | 10:30 | forever | done | |'],
    issues: ['| later | Outage | low | none | none | long |'],
  })
  return [...metricsRecords(), unreadable]
}

/** Records marked, then handed to `add` and let go: nothing here keeps them once this returns. */
function addMarked(add: (record: ReleaseRecord) => void): void {
  for (const record of records()) {
    mark(record)
    add(record)
  }
}

describe('createMetricsReader', () => {
  it('should keep no object of a record once it is added, and still give the figures', () => {
    // The count sees a record that is kept: here, one held by the test.
    let held: ReleaseRecord[] | null = metricsRecords()
    mark(held)
    const heldCount = marked()
    expect(heldCount).toBeGreaterThan(100)
    held = null
    // What stays is not the records' own: the stage-gate template's expected durations, which every
    // record of the template shares with the manifest (five stages).
    const shared = marked()
    expect(shared).toBe(5)

    const options = { since: '2026-03-01', now: new Date('2026-04-01T00:00:00Z') }
    const reader: MetricsReader = createMetricsReader(options)
    addMarked((record) => reader.add(record))
    expect(marked()).toBe(shared)
    const result = reader.finish()
    expect(marked()).toBe(shared)
    expect(JSON.stringify(result)).toBe(JSON.stringify(computeMetrics(records(), options)))
    expect(result.deployments).toBe(4)
    expect(result.warnings.filter((warning) => warning.file === 'releases/w.md').length).toBeGreaterThan(3)
  })

  it('should keep no object of a record of several repositories once it is added', () => {
    const reader: RepositoryMetricsReader = createRepositoryMetricsReader(['payments', 'search'])
    let held: ReleaseRecord[] | null = metricsRecords()
    mark(held)
    held = null
    const shared = marked()
    expect(shared).toBe(5)
    addMarked((record) => reader.add(record.file < 'releases/d.md' ? 'payments' : 'search', record))
    expect(marked()).toBe(shared)
    expect(reader.finish().repositories.map((r) => [r.name, r.deployments])).toEqual([
      ['payments', 2],
      ['search', 3],
    ])
  })
})
