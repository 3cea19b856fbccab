import { readDeployment, type Deployment } from '../../../src/core/metrics/readDeployment.ts'
import { record } from '../loadRecords.ts'

/**
 * A production deployment from a short deployment-template record: `frontmatter` lines added to
 * `environment: production`, and the rows of its Deployment Timeline and Issues Encountered tables.
 */
export function deployment(frontmatter: string, options: { timeline?: string[]; issues?: string[]; file?: string } = {}): Deployment {
  const reading = readDeployment(record({ ...options, frontmatter: `environment: production\n${frontmatter.trim()}` }), {
    environment: 'production',
    component: null,
  })
  if (reading.kind !== 'deployment') throw new Error(`not a deployment: ${reading.exclusion.reason}`)
  return reading.deployment
}

/** 14 days: Monday 2026-03-02 00:00 UTC to Monday 2026-03-16 00:00 UTC. */
export const TWO_WEEKS = { since: Date.UTC(2026, 2, 2), until: Date.UTC(2026, 2, 16) }
