import { describe, expect, it } from 'vitest'
import { computeFigures } from '../../src/core/metrics/computeFigures.ts'
import type { Deployment } from '../../src/core/metrics/readDeployment.ts'
import { readForMetrics } from '../../src/core/metrics/readForMetrics.ts'
import { metricsRecords } from './metricsRecords.ts'

/** The production deployments of `metricsRecords`: a (hotfix, one change), b (failed, restored), d (February) and e. */
function deployments(): Deployment[] {
  return metricsRecords().flatMap((record) => {
    const { reading } = readForMetrics(record, { environment: 'production', component: null })
    return reading.kind === 'deployment' ? [reading.deployment] : []
  })
}

describe('computeFigures without explanations', () => {
  it('should give the same figures with every explanation left empty', () => {
    const all = deployments()
    expect(all.map((d) => d.file)).toEqual(['releases/a.md', 'releases/b.md', 'releases/d.md', 'releases/e.md'])
    const march = { since: Date.parse('2026-03-01T00:00:00Z'), until: Date.parse('2026-03-08T00:00:00Z') }
    for (const [list, window] of [
      [all, null],
      [all.filter((d) => d.file !== 'releases/d.md'), march],
      [[], march],
    ] as const) {
      const explained = computeFigures(list, window, 3)
      const bare = computeFigures(list, window, 3, false)
      expect(bare.figures).toEqual(explained.figures)
      for (const figure of Object.values(bare.explanation)) expect(figure).toEqual({ from: [], excluded: [] })
    }
    // With explanations, every deployment of the window is listed, and the failed one (b) once more.
    const explained = computeFigures(all, null, 3).explanation
    expect(explained.deployments.from.map((e) => e.file)).toEqual(['releases/a.md', 'releases/b.md', 'releases/d.md', 'releases/e.md'])
    expect(explained.failed.from.map((e) => e.file)).toEqual(['releases/b.md'])
    expect(explained.recoveryTime.from.map((e) => [e.file, e.value])).toEqual([['releases/b.md', 2]])
  })
})
