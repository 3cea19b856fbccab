import { describe, expect, it } from 'vitest'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import { readForMetrics } from '../../src/core/metrics/readForMetrics.ts'
import { componentKeywordOf, readingForComponent } from '../../src/core/metrics/readingForComponent.ts'
import type { ReleaseRecord } from '../../src/core/record/types.ts'

const parse = (file: string, text: string): ReleaseRecord => parseRecord(new TextEncoder().encode(text), { file, templates: {}, defaultTemplate: 'deployment' })

/** One record of each kind the component filter tells apart. */
function records(): ReleaseRecord[] {
  return [
    // Line 3: `component` (line 1 is the fence).
    parse('releases/a.md', '---\nenvironment: production\ncomponent: Payments-API\nstatus: closed\ndeployed_at: "2026-03-02T10:00:00Z"\n---\n# a\n'),
    parse('releases/b.md', '---\nenvironment: production\nstatus: closed\ncomponent: billing\ndeployed_at: "2026-03-02T10:00:00Z"\n---\n# b\n'),
    parse('releases/c.md', '---\nenvironment: production\nstatus: closed\ndeployed_at: "2026-03-02T10:00:00Z"\n---\n# c\n'),
    parse('releases/d.md', '---\nenvironment: staging\ncomponent: payments-api\nstatus: closed\ndeployed_at: "2026-03-02T10:00:00Z"\n---\n# d\n'),
    // Unreadable frontmatter, and none at all: left out for that before any component is compared.
    parse('releases/e.md', '---\nenvironment: [production\ncomponent: billing\n---\n# e\n'),
    parse('releases/f.md', '# f, no frontmatter\n'),
  ]
}

describe('readingForComponent', () => {
  it('should give what readForMetrics gives with the component filter, for every kind of record and filter', () => {
    for (const record of records()) {
      const all = readForMetrics(record, { environment: 'production', component: null })
      for (const component of ['payments-api', 'billing', 'search']) {
        expect(readingForComponent(all, componentKeywordOf(record), component), `${record.file} ${component}`).toEqual(readForMetrics(record, { environment: 'production', component }))
      }
    }
  })

  it('should leave out a record of another component at its component line, and keep one of its own as read', () => {
    const [a, b, c] = records() as [ReleaseRecord, ReleaseRecord, ReleaseRecord]
    const readingOf = (record: ReleaseRecord, component: string) => readingForComponent(readForMetrics(record, { environment: 'production', component: null }), componentKeywordOf(record), component)
    expect(readingOf(b, 'payments-api').reading).toEqual({
      kind: 'excluded',
      exclusion: { file: 'releases/b.md', line: 4, code: 'other-component', reason: 'component `billing`, not `payments-api`' },
      problems: [],
    })
    // No `component` key: the frontmatter's first line (its opening fence) stands for it.
    expect(readingOf(c, 'billing').reading).toEqual({
      kind: 'excluded',
      exclusion: { file: 'releases/c.md', line: 1, code: 'other-component', reason: 'no `component`, not `billing`' },
      problems: [],
    })
    expect(readingOf(a, 'payments-api').reading.kind).toBe('deployment')
    expect(componentKeywordOf(a)).toEqual({ keyword: 'payments-api', line: 3 })
  })
})
