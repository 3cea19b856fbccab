import { parse as parseYaml } from 'yaml'
import { describe, expect, it } from 'vitest'
import { checkRecords } from '../../src/core/check/checkRecords.ts'
import { validateTemplate } from '../../src/core/check/templates/validateTemplate.ts'
import { computeMetrics } from '../../src/core/metrics/computeMetrics.ts'
import { planRecord } from '../../src/core/new/planRecord.ts'
import { computeProgress } from '../../src/core/status/computeProgress.ts'
import { bundledSource, fixtureRecords, manifests, recordOf, type GroupRow } from './bundled.ts'
import { itemTexts, layoutOf, progressRows } from './structure.ts'

const NAME = 'itil'
const source = bundledSource(NAME)

function render(values: { [name: string]: unknown }): string {
  const template = { name: NAME, file: `templates/${NAME}.md`, source, manifest: manifests[NAME] ?? null }
  return planRecord({ template, version: '4.2.0', values, releasesDir: 'releases', fileName: '{version}.md', now: new Date('2026-04-20T08:00:00Z') }).text
}

const VALUES = {
  release_name: 'CRM customer portal',
  component: 'crm',
  release_type: 'major',
  scheduled_date: '2026-04-28T22:00:00+02:00',
  owner: 'CRM platform team',
  change_request: 'CHG0041250',
}

const LAYOUT_BEFORE_TRAINING: Array<[string, string, string, string | null, number]> = [
  ['Release Registration and Assess', 'Registration', 'task', 'approved', 3],
  ['Release Registration and Assess', 'Assessment', 'task', 'approved', 4],
  ['Plan and Design', 'Planning', 'task', 'approved', 4],
  ['Plan and Design', 'Plan and Design Approval', 'signoff', 'approved', 2],
  ['Build and Test', 'Build', 'task', 'approved', 3],
  ['Build and Test', 'Test', 'task', 'approved', 3],
  ['Build and Test', 'Build and Test Approval', 'signoff', 'approved', 2],
]
const LAYOUT_AFTER_TRAINING: Array<[string, string, string, string | null, number]> = [
  ['Deployment', 'Readiness', 'task', 'in-progress', 3],
  ['Deployment', 'Implementation', 'task', 'deployed', 3],
  ['Back Out', 'Back Out Tasks', 'conditional', 'rolled-back', 5],
  ['Verification and Release Closure', 'Verification', 'task', 'verified', 3],
  ['Verification and Release Closure', 'Release Closure', 'task', 'closed', 4],
  ['Verification and Release Closure', 'Closure Approval', 'signoff', 'closed', 2],
]

/**
 * Progress rows: `done` per group in layout order (14 groups with Training, whose total is
 * `trainingTotal`), with Training counted only for high impact and urgency and Back Out only when
 * rolled back.
 */
function rows(done: number[], training: { total: number; counted: boolean } | null, backOutCounted: boolean): GroupRow[] {
  const layout: Array<[string, string, string, number, boolean]> = [
    ...LAYOUT_BEFORE_TRAINING.map(([s, g, r, , n]): [string, string, string, number, boolean] => [s, g, r, n, true]),
    ...(training ? [['Training', 'Training Requirements', 'conditional', training.total, training.counted] as [string, string, string, number, boolean]] : []),
    ...LAYOUT_AFTER_TRAINING.map(([s, g, r, , n]): [string, string, string, number, boolean] => [s, g, r, n, g === 'Back Out Tasks' ? backOutCounted : true]),
  ]
  return layout.map(([stage, group, role, total, counted], index) => [stage, group, role, done[index] ?? 0, total, counted])
}

describe('templates/itil.md', () => {
  describe('rendering', () => {
    it('should render impact, urgency and the change request into the frontmatter', () => {
      const text = render({ ...VALUES, impact: 'high', urgency: 'medium' })
      const data = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '') as { [key: string]: unknown }
      expect(data).toMatchObject({
        template: 'itil',
        release: 'CRM customer portal',
        version: '4.2.0',
        component: 'crm',
        release_type: 'major',
        environment: 'production',
        status: 'planned',
        scheduled: '2026-04-28T22:00:00+02:00',
        owner: 'CRM platform team',
        change_request: 'CHG0041250',
        impact: 'high',
        urgency: 'medium',
        changes: [],
      })
    })

    it('should include the Training phase when impact and urgency are both high (in any letter case)', () => {
      const text = render({ ...VALUES, impact: 'High', urgency: 'high' })
      expect(text).toContain('\n## Training\n')
      expect(text).toContain('**Training**: required, because the release change has high impact and high urgency.')
      expect(layoutOf(recordOf(text))).toEqual([
        ...LAYOUT_BEFORE_TRAINING,
        ['Training', 'Training Requirements', 'conditional', 'in-progress', 5],
        ...LAYOUT_AFTER_TRAINING,
      ])
    })

    it.each([
      ['high', 'medium'],
      ['low', 'high'],
      [undefined, undefined],
    ])('should leave the Training phase out for impact %s and urgency %s', (impact, urgency) => {
      const text = render({ ...VALUES, ...(impact ? { impact } : {}), ...(urgency ? { urgency } : {}) })
      expect(text).not.toContain('## Training')
      expect(text).toContain('**Training**: not required (the Training phase is activated by high impact and high urgency).')
      expect(layoutOf(recordOf(text))).toEqual([...LAYOUT_BEFORE_TRAINING, ...LAYOUT_AFTER_TRAINING])
    })

    it('should always render Back Out, and the approvals as sign-offs naming who approved', () => {
      const text = render({ ...VALUES, impact: 'low', urgency: 'low', cab_approver: 'Miriam Koch' })
      expect(text).toContain('\n## Back Out\n')
      const items = itemTexts(recordOf(text))
      expect(text).toContain('- [ ] Change Advisory Board: Miriam Koch\n- [ ] Service Owner: {{service_owner}}\n')
      expect(text).toContain('- [ ] Test Manager: {{test_manager}}\n- [ ] Release Manager: {{release_manager}}\n')
      expect(items['Plan and Design › Plan and Design Approval']).toEqual(['Change Advisory Board', 'Service Owner'])
      expect(items['Verification and Release Closure › Verification']).toEqual([
        'Results analyzed for the changes that make up the release',
        'Results reported for evaluation to those responsible for managing releases',
        'The release met its objectives',
      ])
      expect(items['Verification and Release Closure › Release Closure']).toContain('The release requestor and stakeholders are satisfied with the results')
      expect(items['Verification and Release Closure › Release Closure']).toContain('Lessons learnt incorporated in future releases')
    })

    it('should pass its own validation', () => {
      expect(validateTemplate({ name: NAME, file: `templates/${NAME}.md`, source })).toEqual([])
    })

    it('should match the fixtures, so they test the template as it is', () => {
      const withTraining = itemTexts(recordOf(render({ ...VALUES, impact: 'high', urgency: 'high' })))
      const withoutTraining = itemTexts(recordOf(render({ ...VALUES, impact: 'low', urgency: 'low' })))
      const records = fixtureRecords(NAME)
      expect(itemTexts(records.get('4.2.0')!)).toEqual(withTraining)
      expect(itemTexts(records.get('4.1.0')!)).toEqual(withTraining)
      expect(itemTexts(records.get('4.0.0')!)).toEqual(withoutTraining)
      // 4.2.1 has a hand-written Training section of two items
      const { ['Training › Training Requirements']: handAdded, ...rest } = itemTexts(records.get('4.2.1')!)
      expect(handAdded).toEqual(['Service desk briefed on the export change', 'Knowledge article updated'])
      expect(rest).toEqual(withoutTraining)
    })
  })

  const records = fixtureRecords(NAME)
  const record = (version: string) => {
    const found = records.get(version)
    if (!found) throw new Error(`no fixture ${version}`)
    return found
  }

  describe('status', () => {
    it('should count Training in an approved high-impact, high-urgency record', () => {
      expect(progressRows(record('4.2.0'))).toEqual(rows([3, 4, 4, 2, 3, 3, 2, 1, 0, 0, 0, 0, 0, 0], { total: 5, counted: true }, false))
      expect(computeProgress(record('4.2.0'))).toMatchObject({ done: 22, total: 41 })
    })

    it('should not count a Training section added by hand to a low-impact record', () => {
      expect(progressRows(record('4.2.1'))).toEqual(rows([3, 4, 4, 2, 3, 3, 2, 0, 3, 3, 0, 1, 0, 0], { total: 2, counted: false }, false))
      expect(computeProgress(record('4.2.1'))).toMatchObject({ done: 28, total: 36 })
    })

    it('should count Back Out in a rolled-back record', () => {
      expect(progressRows(record('4.1.0'))).toEqual(rows([3, 4, 4, 2, 3, 3, 2, 5, 3, 1, 5, 0, 0, 0], { total: 5, counted: true }, true))
      expect(computeProgress(record('4.1.0'))).toMatchObject({ done: 35, total: 46 })
    })

    it('should count a closed medium-impact record without Training or Back Out', () => {
      expect(computeProgress(record('4.0.0'))).toMatchObject({ done: 36, total: 36 })
    })
  })

  describe('check', () => {
    const check = (version: string) => checkRecords([record(version)], { manifests, allRecords: [...records.values()] })

    it('should accept an approved record and warn once about the 9 timeline cells and the requestor left to fill', () => {
      const result = check('4.2.0')
      expect([result.errors, result.warnings]).toEqual([0, 1])
      // Deployment and Verification and Release Closure are gated after `approved`: not yet due.
      expect(result.diagnostics.map((d) => [d.line, d.ruleId, d.reason])).toEqual([
        [162, 'unfilled-placeholder', 'Unexpected 10 unfilled placeholders not yet due at status `approved` (in Deployment, Verification and Release Closure), first at 162:27, expected values by the status each stage is due at (all by `closed`)'],
      ])
    })

    it('should not hold a deployed low-impact record to its hand-added Training section', () => {
      const result = check('4.2.1')
      expect(result.diagnostics.map((d) => [d.line, d.ruleId, d.severity])).toEqual([[210, 'unfilled-placeholder', 'warning']])
    })

    it('should accept a rolled-back record whose Back Out is complete', () => {
      expect(check('4.1.0').diagnostics.map((d) => [d.line, d.ruleId, d.severity])).toEqual([[216, 'unfilled-placeholder', 'warning']])
    })

    it('should fail a closed record whose requestor sign-off names nobody', () => {
      expect(check('4.0.0').diagnostics.map((d) => [d.line, d.column, d.ruleId, d.severity])).toEqual([[205, 1, 'signoff', 'error']])
    })
  })

  describe('metrics', () => {
    const result = computeMetrics([...records.values()])

    it('should read three production deployments, one backed out', () => {
      expect(result.window).toMatchObject({ since: '2026-04-07T00:00:00.000Z', until: '2026-04-22T00:00:00.000Z', days: 15 })
      expect([result.deployments, result.failed]).toEqual([3, 1])
      expect(result.changeFailureRate.rate).toBe(0.3333)
      expect(result.rollbackRate).toBe(0.3333)
      expect(result.reworkRate).toBe(0)
    })

    it('should read an application deployment that ends after midnight on the next day', () => {
      // 4.2.1: 22:00, 22:10, 23:50, then 00:40 rolls over: 2026-04-22T00:40+02:00 = 2026-04-21T22:40Z, 24 h after its change
      // 4.0.0: 23:05+02:00 = 21:05Z, changes 24 h and 12 h before
      expect(result.leadTime).toMatchObject({ medianHours: 24, p90Hours: 24, changes: 3 })
      // 95 (4.0.0), 85 (4.1.0), 90 (4.2.1) minutes
      expect(result.deploymentDuration).toMatchObject({ medianMinutes: 90, measured: 3 })
      // every deployment counts (FORMAT.md 1.1), the backed-out 4.1.0 too: 3 in 15 days = 3 / (15 / 7) = 1.4
      // per week; ISO weeks 15, 16 and 17 with 1 deploy day each (04-07, 04-14, 04-21): median 1, weekly
      expect(result.deploymentFrequency).toMatchObject({ count: 3, perWeek: 1.4, class: 'weekly' })
    })

    it('should take the recovery time of the backed-out deployment from restored_at', () => {
      // deployed 2026-04-14T21:10Z, restored 2026-04-15T00:40+02:00 = 22:40Z
      expect(result.recoveryTime).toMatchObject({ medianHours: 1.5, known: 1, unknown: 0 })
    })
  })
})
