import { describe, expect, it } from 'vitest'
import { checkRecords } from '../../src/core/check/checkRecords.ts'
import { toStatus } from '../../src/core/lifecycle/toStatus.ts'
import { computeMetrics } from '../../src/core/metrics/computeMetrics.ts'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import type { ReleaseRecord } from '../../src/core/record/types.ts'
import { openItemsOf } from '../../src/core/site/openItemsOf.ts'
import { releasePageOf } from '../../src/core/site/releasePageOf.ts'
import { computeProgress } from '../../src/core/status/computeProgress.ts'
import { templates } from '../check/deploymentManifest.ts'

/**
 * A closed production deployment of the deployment template with one open Cleanup Tasks item
 * (line 19), which `closed` requires. `status` is on line 8; `day` sets the deploy day.
 */
function record(status: string, version: string, day: number): ReleaseRecord {
  const source = [
    '---',
    'template: deployment',
    'release: Checkout',
    `version: "${version}"`,
    'component: checkout',
    'release_type: minor',
    'environment: production',
    `status: ${status}`,
    `scheduled: 2026-03-0${day}T14:00:00+01:00`,
    `deployed_at: 2026-03-0${day}T15:00:00+01:00`,
    'owner: Payments team',
    '---',
    '',
    '## Post-Release Activities',
    '',
    '**Cleanup Tasks**:',
    '',
    '- [x] Old release artifacts removed',
    '- [ ] Feature flags cleaned up',
    '',
  ].join('\n')
  return parseRecord(source, { file: `releases/checkout/${version}.md`, templates })
}

describe('toStatus', () => {
  it('should read a status trimmed and case-insensitively', () => {
    expect(toStatus('closed')).toBe('closed')
    expect(toStatus('Closed')).toBe('closed')
    expect(toStatus(' closed ')).toBe('closed')
    expect(toStatus('Rolled-Back')).toBe('rolled-back')
    expect(toStatus('IN-PROGRESS')).toBe('in-progress')
  })

  it('should read no status from a missing, non-string or unknown value', () => {
    expect(toStatus(undefined)).toBeNull()
    expect(toStatus(null)).toBeNull()
    expect(toStatus(true)).toBeNull()
    expect(toStatus(['closed'])).toBeNull()
    expect(toStatus('')).toBeNull()
    expect(toStatus('shipped')).toBeNull()
    expect(toStatus('rolled back')).toBeNull()
  })
})

describe('the record\'s status across check, status, metrics and the site', () => {
  const spellings = ['closed', 'Closed', '" closed "']
  const records = spellings.map((status, index) => record(status, `2.4.${index}`, index + 2))

  it('should give every spelling of `closed` the same status, gates, progress, deployments and open items', () => {
    for (const r of records) expect(r.status).toBe('closed')

    // check: the open Cleanup Tasks item (line 19) is a status-gate error for every spelling.
    const result = checkRecords(records, { manifests: templates })
    const gateErrors = result.diagnostics.filter((d) => d.ruleId === 'status-gate')
    expect(gateErrors.map((d) => [d.file, d.line, d.severity])).toEqual([
      ['releases/checkout/2.4.0.md', 19, 'error'],
      ['releases/checkout/2.4.1.md', 19, 'error'],
      ['releases/checkout/2.4.2.md', 19, 'error'],
    ])
    // No spelling of a known status is a schema error.
    expect(result.diagnostics.filter((d) => d.ruleId === 'frontmatter-schema' && d.severity === 'error')).toEqual([])

    // status: the normalised status, and Cleanup Tasks required.
    for (const r of records) {
      const progress = computeProgress(r)
      expect(progress.status).toBe('closed')
      expect(progress.stages[0]?.groups[0]).toMatchObject({ name: 'Cleanup Tasks', required: true, done: 1, total: 2 })
    }

    // metrics: three successful deployments.
    const metrics = computeMetrics(records)
    expect(metrics.deployments).toBe(3)
    expect(metrics.failed).toBe(0)
    expect(metrics.rollbackRate).toBe(0)

    // site: one open item per record, and the page's status and required flags agree.
    for (const r of records) {
      const ref = { id: r.file, href: `/${r.file}`, title: 'Checkout' }
      expect(openItemsOf(r, ref).map((item) => [item.status, item.group, item.line])).toEqual([['closed', 'Cleanup Tasks', 19]])
      const page = releasePageOf(r, { id: r.file })
      expect(page.summary.status).toBe('closed')
      expect(page.summary.openRequired).toBe(1)
      expect(page.stages[0]?.groups[0]?.required).toBe(true)
    }
  })

  it('should tell the exact value to write for a status not written in its canonical form', () => {
    const result = checkRecords(records, { manifests: templates })
    const spelling = result.diagnostics.filter((d) => d.ruleId === 'frontmatter-schema')
    expect(spelling.map((d) => [d.file, d.line, d.severity])).toEqual([
      ['releases/checkout/2.4.1.md', 8, 'warning'],
      ['releases/checkout/2.4.2.md', 8, 'warning'],
    ])
    expect(spelling[0]?.message).toBe('Unexpected status `Closed`, expected `closed`: write the status in lower case, without spaces around it')
    expect(spelling[1]?.message).toBe('Unexpected status `" closed "`, expected `closed`: write the status in lower case, without spaces around it')
  })

  it('should read `Rolled-Back` as a failed, rolled-back deployment that requires only what in-progress requires', () => {
    const rolledBack = record('Rolled-Back', '2.5.0', 6)
    expect(rolledBack.status).toBe('rolled-back')

    const metrics = computeMetrics([...records, rolledBack])
    expect(metrics.deployments).toBe(4)
    expect(metrics.failed).toBe(1)
    expect(metrics.rollbackRate).toBe(0.25)
    expect(metrics.changeFailureRate.rate).toBe(0.25)

    // The Cleanup Tasks gate (closed) is not required at rolled-back: no gate error, no open item.
    const result = checkRecords([rolledBack], { manifests: templates })
    expect(result.diagnostics.filter((d) => d.ruleId === 'status-gate')).toEqual([])
    expect(result.diagnostics.filter((d) => d.ruleId === 'rollback-without-issue').map((d) => d.line)).toEqual([8])
    expect(computeProgress(rolledBack)).toMatchObject({ status: 'rolled-back' })
    expect(computeProgress(rolledBack).stages[0]?.groups[0]?.required).toBe(false)
    expect(openItemsOf(rolledBack, { id: 'x', href: '/x', title: 'x' })).toEqual([])
    expect(releasePageOf(rolledBack, { id: 'x' }).summary.status).toBe('rolled-back')
  })

  it('should read an unknown status as no status everywhere, and check report it as an error', () => {
    const unknown = record('shipped', '2.6.0', 7)
    expect(unknown.status).toBeNull()
    const result = checkRecords([unknown], { manifests: templates })
    expect(result.diagnostics.filter((d) => d.ruleId === 'frontmatter-schema').map((d) => [d.line, d.severity])).toEqual([[8, 'error']])
    expect(result.diagnostics.filter((d) => d.ruleId === 'status-gate')).toEqual([])
    expect(computeProgress(unknown).status).toBeNull()
    expect(computeMetrics([unknown]).deployments).toBe(0)
    expect(openItemsOf(unknown, { id: 'x', href: '/x', title: 'x' })).toEqual([])
    expect(releasePageOf(unknown, { id: 'x' }).summary.status).toBeNull()
  })
})
