import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkRecords } from '../../src/core/check/checkRecords.ts'
import { exitCode } from '../../src/core/check/exitCode.ts'
import { planRecord } from '../../src/core/new/planRecord.ts'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import type { ReleaseRecord } from '../../src/core/record/types.ts'
import { bundledSource, manifests, ROOT } from '../templates/bundled.ts'

const read = (text: string, file = 'releases/checkout/2.4.0.md'): ReleaseRecord => parseRecord(text, { file, templates: manifests, defaultTemplate: 'deployment' })

/**
 * A complete `deployed` record of the deployment template: every group gated at or before
 * `deployed` is there and checked. Line 14 is `## Pre-Deployment Planning`, line 28
 * `## Deployment Execution`, line 30 `**Pre-Deployment**:`, line 34 `**During Deployment**:`.
 */
const DEPLOYED = `---
template: deployment
release: Checkout revamp
version: "2.4.0"
component: checkout
release_type: minor
environment: production
status: deployed
scheduled: 2026-03-04T14:00:00+01:00
deployed_at: 2026-03-04T14:40:00+01:00
owner: Payments team
---

## Pre-Deployment Planning

**Code & Testing**:

- [x] All automated tests passing

**Infrastructure**:

- [x] Database backups completed

**Documentation**:

- [x] Release notes prepared

## Deployment Execution

**Pre-Deployment**:

- [x] Team notified

**During Deployment**:

- [x] Application deployed
- [x] Health checks passing
`

const WITHOUT_DURING = DEPLOYED.replace('**During Deployment**:\n\n- [x] Application deployed\n- [x] Health checks passing\n', '')
const RENAMED = DEPLOYED.replace('**During Deployment**:', '**While Deploying**:')
const WITHOUT_EXECUTION = DEPLOYED.slice(0, DEPLOYED.indexOf('## Deployment Execution'))

const summary = (record: ReleaseRecord) =>
  checkRecords([record], { manifests }).diagnostics.map((d) => ({ line: d.line, column: d.column, rule: d.ruleId, severity: d.severity, message: d.message }))

describe('missing-group', () => {
  it('should pass a complete deployed record (the baseline of the cases below)', () => {
    const result = checkRecords([read(DEPLOYED)], { manifests })
    expect(result.diagnostics).toEqual([])
    expect(exitCode(result)).toBe(0)
  })

  it('should fail a deployed record whose During Deployment group was deleted, at the stage heading', () => {
    const result = checkRecords([read(WITHOUT_DURING)], { manifests })
    expect(summary(read(WITHOUT_DURING))).toEqual([
      {
        line: 28,
        column: 1,
        rule: 'missing-group',
        severity: 'error',
        message:
          'Unexpected missing group `During Deployment` in `Deployment Execution` at status `deployed`, expected its checklist: the template requires it from `deployed` (mark items that do not apply `N/A` instead of deleting them)',
      },
    ])
    expect([result.errors, result.warnings, exitCode(result)]).toEqual([1, 0, 1])
  })

  it('should fail a deployed record whose During Deployment label was renamed, and point at the unrecognised label', () => {
    const result = checkRecords([read(RENAMED)], { manifests })
    expect(summary(read(RENAMED))).toEqual([
      {
        line: 28,
        column: 1,
        rule: 'missing-group',
        severity: 'error',
        message:
          'Unexpected missing group `During Deployment` in `Deployment Execution` at status `deployed`, expected its checklist: the template requires it from `deployed` (the stage has `While Deploying`, which the template does not name)',
      },
      {
        line: 34,
        column: 1,
        rule: 'unknown-group',
        severity: 'warning',
        message:
          'Unexpected group `While Deploying` in `Deployment Execution`, expected one of the groups the `deployment` template names there: `Pre-Deployment`, `During Deployment`, `Post-Deployment`',
      },
    ])
    expect([result.errors, result.warnings, exitCode(result)]).toEqual([1, 1, 1])
  })

  it('should report a required group whose whole stage is missing at the status value', () => {
    const hint = '(mark items that do not apply `N/A` instead of deleting them)'
    expect(summary(read(WITHOUT_EXECUTION)).map((d) => [d.line, d.column, d.rule, d.severity, d.message])).toEqual([
      [8, 9, 'missing-group', 'error', `Unexpected missing group \`During Deployment\` in \`Deployment Execution\` at status \`deployed\`, expected its checklist: the template requires it from \`deployed\` ${hint}`],
      [8, 9, 'missing-group', 'error', `Unexpected missing group \`Pre-Deployment\` in \`Deployment Execution\` at status \`deployed\`, expected its checklist: the template requires it from \`in-progress\` ${hint}`],
    ])
  })

  it('should not require a group before its gate: a renamed During Deployment label at in-progress is only a warning', () => {
    const inProgress = read(RENAMED.replace('status: deployed', 'status: in-progress'))
    expect(summary(inProgress).map((d) => [d.line, d.rule, d.severity])).toEqual([[34, 'unknown-group', 'warning']])
  })

  it('should not require a group the template names with `*`, nor warn about groups in a stage the template does not name', () => {
    const manifest = manifests['deployment']
    if (!manifest) throw new Error('no deployment manifest')
    const starred = { ...manifest, groups: [...manifest.groups, { stage: 'Team Notes', group: '*', role: 'task' as const, gate: 'approved' as const }] }
    const record = parseRecord(`${DEPLOYED}\n## Team Notes\n\n**Anything**:\n\n- [ ] Something of our own\n\n## Our Own Stage\n\n**Ours**:\n\n- [ ] Free-form\n`, {
      file: 'releases/x.md',
      templates: { deployment: starred },
    })
    const result = checkRecords([record], { manifests: { deployment: starred } })
    expect(result.diagnostics.map((d) => [d.line, d.ruleId])).toEqual([[43, 'status-gate']])
  })
})

describe('missing-group in the ITIL template', () => {
  const source = bundledSource('itil')
  const template = { name: 'itil', file: 'templates/itil.md', source, manifest: manifests['itil'] ?? null }
  const VALUES = {
    release_name: 'CRM customer portal',
    component: 'crm',
    release_type: 'major',
    scheduled_date: '2026-04-28T22:00:00+02:00',
    owner: 'CRM platform team',
    change_request: 'CHG0041250',
  }
  const render = (impact: string, urgency: string): string =>
    planRecord({ template, version: '4.3.0', values: { ...VALUES, impact, urgency }, releasesDir: 'releases', fileName: '{version}.md', now: new Date('2026-04-20T08:00:00Z') }).text
  /** The record created at low impact and urgency, then re-assessed to high and high and moved to `status`. */
  const reassessed = (status: string): ReleaseRecord =>
    read(
      render('low', 'low').replace('impact: "low"', 'impact: "high"').replace('urgency: "low"', 'urgency: "high"').replace('status: planned', `status: ${status}`),
      'releases/4.3.0.md',
    )
  const missingGroups = (record: ReleaseRecord) =>
    checkRecords([record], { manifests })
      .diagnostics.filter((d) => d.ruleId === 'missing-group' || d.ruleId === 'unknown-group')
      .map((d) => [d.line, d.column, d.ruleId, d.severity, d.message])

  it('should render no Training phase at low impact and urgency (the record the cases start from)', () => {
    expect(render('low', 'low')).not.toContain('## Training')
    expect(render('high', 'high')).toContain('## Training')
  })

  it('should fail a record re-assessed to high impact and urgency without Training once in-progress, at the status value', () => {
    const record = reassessed('in-progress')
    const statusLine = record.frontmatter.fields['status']?.value.line
    expect(statusLine).toBe(8)
    expect(missingGroups(record)).toEqual([
      [
        8,
        9,
        'missing-group',
        'error',
        'Unexpected missing group `Training Requirements` in `Training` at status `in-progress`, expected its checklist: the template requires it from `in-progress` (mark items that do not apply `N/A` instead of deleting them)',
      ],
    ])
  })

  it('should not require Training before its gate, nor when impact and urgency are not both high', () => {
    expect(missingGroups(reassessed('approved'))).toEqual([])
    const lowInProgress = read(render('low', 'low').replace('status: planned', 'status: in-progress'), 'releases/4.3.0.md')
    expect(missingGroups(lowInProgress)).toEqual([])
    const highInProgress = read(render('high', 'high').replace('status: planned', 'status: in-progress'), 'releases/4.3.0.md')
    expect(missingGroups(highInProgress)).toEqual([])
  })
})

describe('unknown-group on what shiplog ships', () => {
  const VALUES: { [name: string]: unknown } = {
    release_name: 'Release',
    component: 'svc',
    release_type: 'minor',
    scheduled_date: '2026-04-28T22:00:00+02:00',
    owner: 'Team',
    change_request: 'CHG1',
  }
  const variants: Array<[string, { [name: string]: unknown }]> = [
    ['deployment', {}],
    ['deployment', { changes: [{ id: 'PAY-1', title: 'A change', committed_at: '2026-04-01T10:00:00Z' }] }],
    ['product-release', {}],
    ['itil', { impact: 'low', urgency: 'low' }],
    ['itil', { impact: 'high', urgency: 'high' }],
    ['stage-gate', { variant: 'professional-services' }],
    ['stage-gate', { variant: 'agency' }],
  ]
  const STATUSES = ['planned', 'approved', 'in-progress', 'deployed', 'verified', 'closed', 'rolled-back', 'failed', 'cancelled']

  it('should find no unknown or missing group in a record rendered from any bundled template, at any status', () => {
    for (const [name, values] of variants) {
      const template = { name, file: `templates/${name}.md`, source: bundledSource(name), manifest: manifests[name] ?? null }
      const text = planRecord({ template, version: '1.0.0', values: { ...VALUES, ...values }, releasesDir: 'releases', fileName: '{version}.md', now: new Date('2026-04-20T08:00:00Z') }).text
      for (const status of STATUSES) {
        const record = read(text.replace(/^status: planned$/m, `status: ${status}`), `releases/${name}.md`)
        expect(record.template).toBe(name)
        const found = checkRecords([record], { manifests }).diagnostics.filter((d) => d.ruleId === 'unknown-group' || d.ruleId === 'missing-group')
        expect([name, values, status, found]).toEqual([name, values, status, []])
      }
    }
  }, 60_000)

  it('should find no unknown or missing group in the example records under releases/', () => {
    const dir = join(ROOT, 'releases')
    const files = (readdirSync(dir, { recursive: true }) as string[]).filter((file) => file.endsWith('.md')).map((file) => join(dir, file))
    expect(files.length).toBe(22)
    const records = files.map((file) => read(readFileSync(file, 'utf8'), relative(ROOT, file).split(sep).join('/')))
    const found = checkRecords(records, { manifests }).diagnostics.filter((d) => d.ruleId === 'unknown-group' || d.ruleId === 'missing-group')
    expect(found).toEqual([])
  })
})
