import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { computeRepositoryMetrics } from '../../src/core/metrics/computeRepositoryMetrics.ts'
import { formatRepositoryFigures } from '../../src/core/metrics/formatRepositoryFigures.ts'
import { MetricsOptionError } from '../../src/core/metrics/MetricsOptionError.ts'
import { repositoryOf } from '../../src/core/config/repositoryOf.ts'
import { resolveConfig } from '../../src/core/config/resolveConfig.ts'
import { twoRepositories } from '../helpers/twoRepositories.ts'
import { recordFrom } from './loadRecords.ts'

const { payments, search } = twoRepositories()
const read = (root: string, file: string): ReturnType<typeof recordFrom> => recordFrom(readFileSync(join(root, file), 'utf8'), file)
const repositories = [
  { name: 'payments', records: [read(payments, 'releases/1.0.0.md'), read(payments, 'releases/1.1.0.md')] },
  { name: 'search', records: [read(search, 'releases/1.0.0.md')] },
]

describe('repositoryOf', () => {
  it('should take the configured repository, else the project folder name', () => {
    expect(repositoryOf(resolveConfig({}, 'x'), '/work/payments-api')).toBe('payments-api')
    expect(repositoryOf(resolveConfig({ repository: 'payments' }, 'x'), '/work/payments-api')).toBe('payments')
  })

  it('should refuse a repository label that is not a name, naming the key', () => {
    expect(() => resolveConfig({ repository: 'a/b' }, 'shiplog.config.json')).toThrow(
      'shiplog.config.json: `repository`: Unexpected repository "a/b", expected a name of letters, digits, `.`, `_` and `-` (at most 100), like `payments-api`',
    )
    expect(() => resolveConfig({ workspaces: [] }, 'shiplog.config.json')).toThrow('shiplog.config.json: `workspaces`: expected at least one project root')
  })
})

describe('computeRepositoryMetrics', () => {
  it('should measure several repositories over one window, combined and each on its own', () => {
    const result = computeRepositoryMetrics(repositories)
    // window 2026-03-02 → 2026-03-16: 14 days
    expect(result.window).toMatchObject({ since: '2026-03-02T00:00:00.000Z', until: '2026-03-16T00:00:00.000Z', days: 14 })
    expect(result.deployments).toBe(3)
    expect(result.failed).toBe(1)
    expect(result.deploymentFrequency.perWeek).toBe(1.5)
    expect(result.changeFailureRate.rate).toBe(0.3333)
    // payments' c1 (2 h) and search's c1 (4 h) are two changes: median 3 h
    expect(result.leadTime).toMatchObject({ medianHours: 3, changes: 2 })
    expect(result.repositories.map((r) => [r.name, r.deployments, r.failed, r.deploymentFrequency.perWeek, r.changeFailureRate.rate, r.leadTime.medianHours])).toEqual([
      ['payments', 2, 1, 1, 0.5, 2],
      ['search', 1, 0, 0.5, 0, 4],
    ])
  })

  it('should name each file by repository and path in the explanations, the same path in two repositories apart', () => {
    const result = computeRepositoryMetrics(repositories)
    expect(result.explain.figures.deployments.from.map((e) => e.file)).toEqual([
      'payments/releases/1.0.0.md',
      'payments/releases/1.1.0.md',
      'search/releases/1.0.0.md',
    ])
    expect(result.explain.figures.leadTime.excluded).toEqual([
      expect.objectContaining({ file: 'payments/releases/1.1.0.md', code: 'failed-deployment' }),
    ])
  })

  it('should measure one repository with `repository`, and refuse a name it does not have', () => {
    const result = computeRepositoryMetrics(repositories, { repository: 'search' })
    // search alone: its one deployment's day, 2026-03-15 → 16, 1 day
    expect(result.window.days).toBe(1)
    expect(result.deployments).toBe(1)
    expect(result.repositories.map((r) => r.name)).toEqual(['search'])
    expect(() => computeRepositoryMetrics(repositories, { repository: 'billing' })).toThrow(MetricsOptionError)
    expect(() => computeRepositoryMetrics(repositories, { repository: 'billing' })).toThrow('Unexpected repository `billing`, expected one of `payments`, `search`')
  })

  it('should print a line per repository', () => {
    expect(formatRepositoryFigures(computeRepositoryMetrics(repositories).repositories)).toBe(
      [
        '',
        'Per repository (over the same window)',
        '  payments  2 deployments (1 failed) · 1 per week · change failure rate 50% · lead time 2 h · recovery —',
        '  search    1 deployment (0 failed) · 0.5 per week · change failure rate 0% · lead time 4 h · recovery —',
        '',
      ].join('\n'),
    )
  })
})
