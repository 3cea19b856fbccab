import { parse as parseYaml } from 'yaml'
import { describe, expect, it } from 'vitest'
import { checkRecords } from '../../src/core/check/checkRecords.ts'
import { validateTemplate } from '../../src/core/check/templates/validateTemplate.ts'
import { computeMetrics } from '../../src/core/metrics/computeMetrics.ts'
import { planRecord } from '../../src/core/new/planRecord.ts'
import { computeProgress } from '../../src/core/status/computeProgress.ts'
import { bundledSource, fixtureRecords, manifests, recordOf, type GroupRow } from './bundled.ts'
import { itemTexts, layoutOf, progressRows } from './structure.ts'

const NAME = 'product-release'
const source = bundledSource(NAME)

function render(values: { [name: string]: unknown }, version = '1.3.0'): string {
  const template = { name: NAME, file: `templates/${NAME}.md`, source, manifest: manifests[NAME] ?? null }
  return planRecord({ template, version, values, releasesDir: 'releases', fileName: '{version}.md', now: new Date('2026-02-27T09:00:00Z') }).text
}

const VALUES = {
  release_name: 'Storefront spring release',
  component: 'storefront',
  release_type: 'minor',
  scheduled_date: '2026-03-02T14:00:00+01:00',
  owner: 'Web team',
  release_ticket: 'REL-140',
}

/** Progress rows with each group's done count; roles and totals are the template's. */
function rows(done: [number, number, number, number, number, number, number], triggers: number, rollback: number, rolledBack: boolean): GroupRow[] {
  return [
    ['Release Branch Preparation', 'Checklist', 'task', done[0], 7, true],
    ['Staging Environment Deployment', 'Checklist', 'task', done[1], 5, true],
    ['Staging Validation & QA', 'Checklist', 'task', done[2], 7, true],
    ['Pre-Deployment Checklist', 'Checklist', 'task', done[3], 7, true],
    ['Production Deployment', 'Checklist', 'task', done[4], 7, true],
    ['Post-Deployment Verification', 'Checklist', 'task', done[5], 9, true],
    ['Release Finalization', 'Checklist', 'task', done[6], 7, true],
    ['Rollback', 'Rollback Criteria', 'trigger', triggers, 5, false],
    ['Rollback', 'Rollback Verification', 'conditional', rollback, 4, rolledBack],
  ]
}

describe('templates/product-release.md', () => {
  describe('rendering', () => {
    it('should render frontmatter with the core keys, the template name and the canary strategy by default', () => {
      const text = render({ ...VALUES, changes: [{ id: 'WEB-301', title: 'Faster product grid', committed_at: '2026-02-27T10:31:00Z' }] })
      const yaml = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? ''
      expect(parseYaml(yaml)).toEqual({
        template: 'product-release',
        release: 'Storefront spring release',
        version: '1.3.0',
        component: 'storefront',
        release_type: 'minor',
        environment: 'production',
        status: 'planned',
        scheduled: '2026-03-02T14:00:00+01:00',
        owner: 'Web team',
        coordinator: '{{release_coordinator}}',
        business_owner: '{{business_owner}}',
        rollback_strategy: 'canary',
        release_ticket: 'REL-140',
        type: 'workflow',
        phase: 'release',
        created: '2026-02-27',
        updated: '2026-02-27',
        tags: ['release', 'staging', 'canary', 'production'],
        changes: [{ id: 'WEB-301', title: 'Faster product grid', committed_at: '2026-02-27T10:31:00Z' }],
      })
      expect(text).toContain('- Faster product grid (WEB-301)')
    })

    it('should lay out the seven steps with their gates, plus rollback criteria and the rollback verification', () => {
      expect(layoutOf(recordOf(render(VALUES)))).toEqual([
        ['Release Branch Preparation', 'Checklist', 'task', 'approved', 7],
        ['Staging Environment Deployment', 'Checklist', 'task', 'approved', 5],
        ['Staging Validation & QA', 'Checklist', 'task', 'approved', 7],
        ['Pre-Deployment Checklist', 'Checklist', 'task', 'in-progress', 7],
        ['Production Deployment', 'Checklist', 'task', 'deployed', 7],
        ['Post-Deployment Verification', 'Checklist', 'task', 'verified', 9],
        ['Release Finalization', 'Checklist', 'task', 'closed', 7],
        ['Rollback', 'Rollback Criteria', 'trigger', null, 5],
        ['Rollback', 'Rollback Verification', 'conditional', 'rolled-back', 4],
      ])
    })

    it("should keep the seed's checklist wording and each step's expected output", () => {
      const text = render(VALUES)
      const items = itemTexts(recordOf(text))
      expect(items['Release Branch Preparation › Checklist']).toEqual([
        'Release branch created',
        'Version numbers updated',
        'CHANGELOG.md updated with all changes',
        'Breaking changes documented',
        'Release candidate tagged',
        'CI pipeline passing',
        'Release notes drafted',
      ])
      expect(items['Production Deployment › Checklist']).toContain('Canary traffic routed and monitored for 15 minutes')
      expect(items['Post-Deployment Verification › Checklist']?.at(-1)).toBe('Rollback NOT needed')
      expect(text.match(/^\*\*Expected output\*\*: .+$/gm)).toEqual([
        '**Expected output**: Release branch created, versioned, and tagged. CI passing.',
        '**Expected output**: Staging deployment successful. Application healthy.',
        '**Expected output**: All tests passing on staging. Release validated for production.',
        '**Expected output**: Pre-deployment checklist complete. Team is go for production.',
        '**Expected output**: Production deployment successful. New version serving all traffic.',
        '**Expected output**: Production verified healthy. All critical flows working.',
        '**Expected output**: Release finalized. Tags created. Release notes published. Deployment complete.',
      ])
      expect(text).toContain('| Response time p99 | {{baseline_p99}} | {{p99}} | |')
    })

    it('should name its timeline and issues tables so metrics read them', () => {
      const record = recordOf(render(VALUES))
      expect(record.timeline?.rows.map((row) => row.list[0]?.text)).toEqual([
        'Database migrations',
        'Canary (1-5% of traffic, 15-minute watch)',
        'Application deployment (full rollout)',
      ])
      expect(record.issues?.headers).toEqual(['time', 'issue', 'severity', 'impact', 'resolution', 'duration'])
      expect(record.issues?.rows).toEqual([])
    })

    it('should pass its own validation', () => {
      expect(validateTemplate({ name: NAME, file: `templates/${NAME}.md`, source })).toEqual([])
    })

    it('should match the fixtures, so they test the template as it is', () => {
      const fresh = itemTexts(recordOf(render(VALUES)))
      for (const record of fixtureRecords(NAME).values()) expect(itemTexts(record)).toEqual(fresh)
    })
  })

  const records = fixtureRecords(NAME)
  const record = (version: string) => {
    const found = records.get(version)
    if (!found) throw new Error(`no fixture ${version}`)
    return found
  }

  describe('status', () => {
    it('should count an approved record: steps 1 to 3 done, 2 of 7 pre-deployment checks', () => {
      expect(progressRows(record('1.4.0'))).toEqual(rows([7, 5, 7, 2, 0, 0, 0], 0, 0, false))
      expect(computeProgress(record('1.4.0'))).toMatchObject({ status: 'approved', done: 21, total: 49, triggers: { fired: 0, total: 5 } })
    })

    it('should count a verified record: steps 1 to 6 done, 3 of 7 finalization items', () => {
      expect(progressRows(record('1.3.0'))).toEqual(rows([7, 5, 7, 7, 7, 9, 3], 0, 0, false))
      expect(computeProgress(record('1.3.0'))).toMatchObject({ done: 45, total: 49 })
    })

    it('should count the rollback verification of a rolled-back record, and its fired criteria as triggers', () => {
      expect(progressRows(record('1.3.1'))).toEqual(rows([7, 5, 7, 7, 5, 0, 0], 2, 4, true))
      expect(computeProgress(record('1.3.1'))).toMatchObject({ done: 35, total: 53, triggers: { fired: 2, total: 5 } })
    })

    it('should count a closed record with one finalization item open', () => {
      expect(computeProgress(record('1.3.2'))).toMatchObject({ done: 48, total: 49 })
    })
  })

  describe('check', () => {
    const check = (version: string) => checkRecords([record(version)], { manifests, allRecords: [...records.values()] })

    it('should accept an approved record and warn once about the 19 timeline and baseline cells left to fill', () => {
      const result = check('1.4.0')
      expect([result.errors, result.warnings]).toEqual([0, 1])
      expect(result.diagnostics.map((d) => [d.line, d.ruleId, d.reason])).toEqual([
        [145, 'unfilled-placeholder', 'Unexpected 19 unfilled placeholders not yet due at status `approved` (in Production Deployment, Post-Deployment Verification), first at 145:25, expected values by the status each stage is due at (all by `closed`)'],
      ])
    })

    it('should accept the verified and the rolled-back records as they are', () => {
      expect(check('1.3.0').diagnostics).toEqual([])
      expect(check('1.3.1').diagnostics).toEqual([])
    })

    it('should fail a closed record at its open finalization item and its unfilled baseline', () => {
      expect(check('1.3.2').diagnostics.map((d) => [d.line, d.column, d.ruleId, d.severity])).toEqual([
        [180, 25, 'unfilled-placeholder', 'error'],
        [204, 1, 'status-gate', 'error'],
      ])
    })
  })

  describe('metrics', () => {
    const result = computeMetrics([...records.values()])

    it('should read three production deployments, one of them rolled back', () => {
      expect(result.window).toMatchObject({ since: '2026-03-02T00:00:00.000Z', until: '2026-03-06T00:00:00.000Z', days: 4 })
      expect(result.deployments).toBe(3)
      expect(result.failed).toBe(1)
      expect(result.changeFailureRate.rate).toBe(0.3333)
      expect(result.rollbackRate).toBe(0.3333)
      expect(result.reworkRate).toBe(0.3333)
    })

    it('should take deploy times from the full-rollout row and durations from the three timeline rows', () => {
      // 1.3.0: 4m + 15m + 10m = 29, 1.3.1: 2m + 15m + 8m = 25, 1.3.2: 1m + 15m + 14m = 30 → median 29
      expect(result.deploymentDuration).toMatchObject({ medianMinutes: 29, measured: 3 })
      // successful deploys 2026-03-02T13:31Z and 2026-03-05T13:30Z: changes at 75 h, 24 h, 24 h and 6 h
      expect(result.leadTime).toMatchObject({ medianHours: 24, p90Hours: 59.7, changes: 4 })
      // every deployment counts (FORMAT.md 1.1), the rolled-back 1.3.1 too: 3 in 4 days = 3 / (4 / 7) = 5.25 per
      // week; one ISO week with 3 deploy days (03-02, 03-04, 03-05): daily
      expect(result.deploymentFrequency).toMatchObject({ count: 3, perWeek: 5.25, class: 'daily' })
    })

    it("should take the recovery time of the rolled-back deployment from its Sev1 issue's duration", () => {
      expect(result.recoveryTime).toMatchObject({ medianHours: 0.58, known: 1, unknown: 0 })
    })
  })
})
