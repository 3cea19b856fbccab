import { describe, expect, it } from 'vitest'
import { computeMetrics } from '../../src/core/metrics/computeMetrics.ts'
import { messageAt } from '../../src/core/message/messageAt.ts'
import { parseRecord } from '../../src/core/record/parseRecord.ts'

const deployed = (extra = '', body = '') =>
  `---\nrelease: R\nversion: "1.0.0"\ncomponent: c\nrelease_type: minor\nenvironment: production\nstatus: deployed\nscheduled: 2026-03-04T14:00:00+01:00\nowner: o\ndeployed_at: 2026-03-04T15:00:00+01:00\n${extra}---\n${body}`

describe('computeMetrics on records that were not wholly read', () => {
  it('should leave out a record whose frontmatter could not be read, with the problem as the reason', () => {
    const record = parseRecord(deployed('status: failed\n'), { file: 'releases/dup.md' })
    const result = computeMetrics([record])
    expect(result.deployments).toBe(0)
    expect(result.explain.excluded).toEqual([
      {
        file: 'releases/dup.md',
        line: 11,
        code: 'unreadable',
        reason: 'not read: Unexpected duplicate key `status` in frontmatter, expected each key once (frontmatter-yaml, line 11)',
      },
    ])
  })

  it('should leave out a record whose body was not read: a missed Issues row would count a failure as a success', () => {
    const body = `\n## Incident Response\n\n${'- '.repeat(40)}x\n\n### Issues Encountered\n\n| Time | Issue | Severity |\n|---|---|---|\n| 15:10 | Outage | critical |\n`
    const result = computeMetrics([parseRecord(deployed('', body), { file: 'releases/deep.md' })])
    expect(result.deployments).toBe(0)
    expect(result.explain.excluded.map((e) => [e.code, e.line])).toEqual([['unreadable', 15]])
  })

  it('should still measure a record whose template is unreadable (metrics do not use groups)', () => {
    const record = parseRecord(deployed(), { file: 'releases/ok.md' })
    record.problems.push(messageAt('x', { file: 'releases/ok.md', place: { line: 1, column: 1 }, ruleId: 'template-unreadable' }))
    expect(computeMetrics([record]).deployments).toBe(1)
  })

  it('should give the same result, explanations included, whatever the order of the records', () => {
    const records = ['a', 'b', 'c'].map((name, index) =>
      parseRecord(deployed().replace('2026-03-04T15:00:00', `2026-03-0${index + 4}T15:00:00`).replace('component: c', `component: ${name}`), { file: `releases/${name}.md` }),
    )
    expect(computeMetrics([...records].reverse())).toEqual(computeMetrics(records))
    expect(computeMetrics(records).explain.figures.deployments.from.map((e) => e.file)).toEqual(['releases/a.md', 'releases/b.md', 'releases/c.md'])
  })
})
