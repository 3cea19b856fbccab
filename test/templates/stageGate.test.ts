import { parse as parseYaml } from 'yaml'
import { describe, expect, it } from 'vitest'
import { checkRecords } from '../../src/core/check/checkRecords.ts'
import { validateTemplate } from '../../src/core/check/templates/validateTemplate.ts'
import { computeMetrics } from '../../src/core/metrics/computeMetrics.ts'
import { planRecord } from '../../src/core/new/planRecord.ts'
import { computeProgress } from '../../src/core/status/computeProgress.ts'
import { bundledSource, fixtureRecords, manifests, recordOf, type GroupRow } from './bundled.ts'
import { itemTexts, layoutOf, progressRows } from './structure.ts'

const NAME = 'stage-gate'
const source = bundledSource(NAME)

function render(values: { [name: string]: unknown }): string {
  const template = { name: NAME, file: `templates/${NAME}.md`, source, manifest: manifests[NAME] ?? null }
  return planRecord({ template, version: '2.0.0', values, releasesDir: 'releases', fileName: '{version}.md', now: new Date('2026-05-20T08:00:00Z') }).text
}

const VALUES = {
  release_name: 'Client portal 2.0',
  component: 'client-portal',
  release_type: 'major',
  scheduled_date: '2026-05-26T09:00:00+10:00',
  owner: 'Delivery team',
  client: 'Harbour Legal',
}

/** Progress rows with each group's done count, in layout order. */
function rows(done: number[], rolledBack: boolean, issueReportApplies = true): GroupRow[] {
  const layout: Array<[string, string, string, number, boolean]> = [
    ['Release Planning', 'Outputs', 'task', 3, true],
    ['Pre-Deployment Verification', 'Outputs', 'task', 3, true],
    ['Pre-Deployment Verification', 'Decision Points', 'task', 2, true],
    ['Pre-Deployment Verification', 'Go/No-Go Decision', 'signoff', 1, true],
    ['Deployment Execution', 'Outputs', 'task', 3, true],
    ['Post-Deployment Verification', 'Outputs', 'task', issueReportApplies ? 3 : 2, true],
    ['Post-Deployment Verification', 'Decision Points', 'task', 1, true],
    ['Post-Deployment Verification', 'Rollback Decision', 'trigger', 1, false],
    ['Post-Deployment Verification', 'Rollback', 'conditional', 4, rolledBack],
    ['Release Communication and Closure', 'Outputs', 'task', 3, true],
    ['Compliance Note', 'Compliance Checks', 'task', 3, true],
  ]
  return layout.map(([stage, group, role, total, counted], index) => [stage, group, role, done[index] ?? 0, total, counted])
}

describe('templates/stage-gate.md', () => {
  describe('rendering', () => {
    it('should default to the professional-services variant and write it into the frontmatter', () => {
      const text = render(VALUES)
      const data = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '') as { [key: string]: unknown }
      expect(data).toMatchObject({ template: 'stage-gate', variant: 'professional-services', client: 'Harbour Legal', environment: 'production', status: 'planned' })
      expect(data['tags']).toEqual(['release', 'deployment', 'stage-gate', 'professional-services'])
      expect(text).toContain('# Release Deployment for Professional Services\n')
      expect(text).toContain('Designed to meet professional indemnity requirements, client confidentiality obligations, and\nindustry body reporting standards.')
      expect(itemTexts(recordOf(text))['Compliance Note › Compliance Checks']?.map((item) => item.split(':')[0])).toEqual([
        'Professional indemnity',
        'Client confidentiality',
        'Industry body reporting',
      ])
      expect(text).not.toContain('Australian Consumer Law')
    })

    it('should choose the agency compliance note by the variant', () => {
      const text = render({ ...VALUES, variant: 'agency' })
      expect(text).toContain('# Release Deployment for Marketing & Digital Agencies\n')
      expect(itemTexts(recordOf(text))['Compliance Note › Compliance Checks']?.map((item) => item.split(':')[0])).toEqual([
        'Australian Consumer Law (ACL)',
        'Privacy Act',
        'ACMA spam regulations',
      ])
      expect(text).not.toContain('professional indemnity')
    })

    it('should lay out five stages with owners, durations, inputs, outputs, decision points and the FAQ', () => {
      const text = render(VALUES)
      expect(layoutOf(recordOf(text))).toEqual([
        ['Release Planning', 'Outputs', 'task', 'approved', 3],
        ['Pre-Deployment Verification', 'Outputs', 'task', 'approved', 3],
        ['Pre-Deployment Verification', 'Decision Points', 'task', 'approved', 2],
        ['Pre-Deployment Verification', 'Go/No-Go Decision', 'signoff', 'approved', 1],
        ['Deployment Execution', 'Outputs', 'task', 'deployed', 3],
        ['Post-Deployment Verification', 'Outputs', 'task', 'verified', 3],
        ['Post-Deployment Verification', 'Decision Points', 'task', 'verified', 1],
        ['Post-Deployment Verification', 'Rollback Decision', 'trigger', null, 1],
        ['Post-Deployment Verification', 'Rollback', 'conditional', 'rolled-back', 4],
        ['Release Communication and Closure', 'Outputs', 'task', 'closed', 3],
        ['Compliance Note', 'Compliance Checks', 'task', 'closed', 3],
      ])
      expect(text.match(/^\*\*Owner\*\*: .+$/gm)).toEqual([
        '**Owner**: Release Manager. **Expected duration**: 1 day.',
        '**Owner**: Quality Assurance Lead. **Expected duration**: 1-2 days.',
        '**Owner**: DevOps Engineer. **Expected duration**: 1-4 hours.',
        '**Owner**: Quality Assurance Lead. **Expected duration**: 2-8 hours.',
        '**Owner**: Release Manager. **Expected duration**: 1 day.',
      ])
      expect(text).toContain('**Inputs**:\n\n- Release candidate details\n- Change log\n- Deployment calendar\n')
      const items = itemTexts(recordOf(text))
      expect(items['Pre-Deployment Verification › Decision Points']).toEqual(['Have all tests passed?', 'Is the go/no-go decision approved?'])
      expect(items['Post-Deployment Verification › Decision Points']).toEqual(['Is the deployment stable?'])
      expect(items['Post-Deployment Verification › Rollback Decision']).toEqual(['Is a rollback needed?'])
      expect(text.match(/^### .+\?$/gm)).toEqual([
        '### Are deployments scheduled during business hours?',
        '### What happens if the deployment fails?',
        '### Who approves the go/no-go decision?',
      ])
    })

    it('should pass its own validation', () => {
      expect(validateTemplate({ name: NAME, file: `templates/${NAME}.md`, source })).toEqual([])
    })

    it('should match the fixtures, so they test the template as it is', () => {
      const professional = itemTexts(recordOf(render(VALUES)))
      const agency = itemTexts(recordOf(render({ ...VALUES, variant: 'agency' })))
      const records = fixtureRecords(NAME)
      for (const version of ['1.8.1', '1.9.0', '2.0.0']) expect(itemTexts(records.get(version)!)).toEqual(professional)
      expect(itemTexts(records.get('1.8.0')!)).toEqual(agency)
    })
  })

  const records = fixtureRecords(NAME)
  const record = (version: string) => {
    const found = records.get(version)
    if (!found) throw new Error(`no fixture ${version}`)
    return found
  }

  describe('status', () => {
    it('should count a record in progress: planning, verification and the go decision done, 1 of 3 deployment outputs', () => {
      expect(progressRows(record('2.0.0'))).toEqual(rows([3, 3, 2, 1, 1], false))
      expect(computeProgress(record('2.0.0'))).toMatchObject({ done: 10, total: 22, triggers: { fired: 0, total: 1 } })
    })

    it('should count an approved record with one decision point open', () => {
      expect(computeProgress(record('1.9.0'))).toMatchObject({ done: 8, total: 22 })
    })

    it('should leave an issue report marked not applicable out of a closed record', () => {
      expect(progressRows(record('1.8.0'))).toEqual(rows([3, 3, 2, 1, 3, 2, 1, 0, 0, 3, 3], false, false))
      expect(computeProgress(record('1.8.0'))).toMatchObject({ done: 21, total: 21 })
    })

    it('should count the rollback of a rolled-back record and its rollback decision as a fired trigger', () => {
      expect(progressRows(record('1.8.1'))).toEqual(rows([3, 3, 2, 1, 3, 1, 0, 1, 4], true))
      expect(computeProgress(record('1.8.1'))).toMatchObject({ done: 17, total: 26, triggers: { fired: 1, total: 1 } })
    })
  })

  describe('check', () => {
    const check = (version: string) => checkRecords([record(version)], { manifests, allRecords: [...records.values()] })

    it('should accept a record in progress and warn once about its 9 timeline cells', () => {
      const result = check('2.0.0')
      expect([result.errors, result.warnings]).toEqual([0, 1])
      expect(result.diagnostics.map((d) => [d.line, d.ruleId, d.reason])).toEqual([
        [127, 'unfilled-placeholder', 'Unexpected 9 unfilled placeholders not yet due at status `in-progress` (in Deployment Execution), first at 127:27, expected values by the status each stage is due at (all by `closed`)'],
      ])
    })

    it('should fail an approved record without the go decision and without the name of who took it', () => {
      expect(check('1.9.0').diagnostics.map((d) => [d.line, d.column, d.ruleId, d.severity])).toEqual([
        [96, 1, 'status-gate', 'error'],
        [103, 24, 'unfilled-placeholder', 'error'],
      ])
    })

    it('should accept the closed agency record and the rolled-back record', () => {
      expect(check('1.8.0').diagnostics).toEqual([])
      expect(check('1.8.1').diagnostics).toEqual([])
    })
  })

  describe('metrics', () => {
    const result = computeMetrics([...records.values()])

    it('should read two production deployments, one rolled back', () => {
      expect(result.window).toMatchObject({ since: '2026-05-12T00:00:00.000Z', until: '2026-05-20T00:00:00.000Z', days: 8 })
      expect([result.deployments, result.failed]).toEqual([2, 1])
      expect(result.changeFailureRate.rate).toBe(0.5)
      expect(result.rollbackRate).toBe(0.5)
      expect(result.reworkRate).toBe(0)
    })

    it('should prefer deployed_at over the timeline for the deploy time', () => {
      // 1.8.0 went live at 2026-05-12T15:52+10:00 = 05:52Z; its changes were committed 24 h and 2 h before
      expect(result.leadTime).toMatchObject({ medianHours: 13, p90Hours: 21.8, changes: 2 })
      // 20 + 30 + 15 = 65 and 30 + 60 + 15 = 105 minutes
      expect(result.deploymentDuration).toMatchObject({ medianMinutes: 85, measured: 2 })
      // every deployment counts (FORMAT.md 1.1), the rolled-back 1.8.1 too: 2 in 8 days = 2 / (8 / 7) = 1.75 per
      // week; ISO weeks 20 and 21 with 1 deploy day each (05-12, 05-19): median 1, weekly
      expect(result.deploymentFrequency).toMatchObject({ count: 2, perWeek: 1.75, class: 'weekly' })
    })

    it("should take the recovery time of the rolled-back deployment from its P1 issue's duration", () => {
      expect(result.recoveryTime).toMatchObject({ medianHours: 0.75, known: 1, unknown: 0 })
    })
  })
})
