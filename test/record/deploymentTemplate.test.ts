import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseRecord, type ReleaseRecord } from '../../src/core/record/index.ts'
import { parseManifest } from '../../src/core/template/parseManifest.ts'
import type { TemplateManifest } from '../../src/core/template/types.ts'
import { renderNaively } from './renderNaively.ts'

const template = readFileSync(new URL('../../templates/deployment.md', import.meta.url), 'utf8')
const manifest = parseManifest(template, 'deployment').manifest as TemplateManifest

function read(status = 'planned'): ReleaseRecord {
  const text = renderNaively(template).replace(/^status: planned$/m, `status: ${status}`)
  return parseRecord(text, { file: 'releases/1.0.0.md', templates: { deployment: manifest } })
}

describe('parseRecord (templates/deployment.md rendered without values)', () => {
  it('should read the 80 checklist items into the groups the template declares', () => {
    const record = read()
    const groups = record.stages.flatMap((stage) =>
      stage.groups.map((group) => [stage.name, group.name, group.role, group.gate, group.active, group.items.length]),
    )
    expect(groups).toEqual([
      ['Pre-Deployment Planning', 'Code & Testing', 'task', 'approved', true, 6],
      ['Pre-Deployment Planning', 'Infrastructure', 'task', 'approved', true, 6],
      ['Pre-Deployment Planning', 'Documentation', 'task', 'approved', true, 5],
      ['Pre-Deployment Planning', 'Rollback Triggers', 'trigger', null, true, 5],
      ['Pre-Deployment Planning', 'Rollback Validation', 'conditional', 'rolled-back', false, 4],
      ['Deployment Execution', 'Pre-Deployment', 'task', 'in-progress', true, 5],
      ['Deployment Execution', 'During Deployment', 'task', 'deployed', true, 6],
      ['Deployment Execution', 'Post-Deployment', 'task', 'verified', true, 5],
      ['Post-Deployment Validation', 'Health Checks', 'task', 'verified', true, 5],
      ['Post-Deployment Validation', 'Functional Tests', 'task', 'verified', true, 5],
      ['Post-Deployment Validation', 'Performance Tests', 'task', 'verified', true, 5],
      ['Post-Deployment Validation', 'User Acceptance Testing', 'task', 'verified', true, 5],
      ['Post-Deployment Validation', 'Stakeholder Sign-off', 'signoff', 'closed', true, 4],
      ['Post-Release Activities', 'First 24 hours', 'task', 'closed', true, 5],
      ['Post-Release Activities', 'First week', 'task', 'closed', true, 4],
      ['Post-Release Activities', 'Cleanup Tasks', 'task', 'closed', true, 5],
    ])
    const items = record.stages.flatMap((stage) => stage.groups.flatMap((group) => group.items))
    expect(items).toHaveLength(80)
    expect(items.filter((item) => item.checked || item.notApplicable)).toEqual([])
    expect(record.problems).toEqual([])
  })

  it('should make Rollback Validation active once the status is rolled-back', () => {
    const group = read('rolled-back').stages[0]?.groups.find((candidate) => candidate.name === 'Rollback Validation')
    expect(group).toMatchObject({ role: 'conditional', gate: 'rolled-back', active: true })
  })

  it('should place the first item and a sign-off item where the template has them', () => {
    const record = read()
    const first = record.stages[0]?.groups[0]?.items[0]
    // Template line 101, less the manifest (lines 1–31), the frontmatter {{#each}} block (51–55)
    // and the body {{#each}} block's tags and first branch (82–84, 88): 101 - 31 - 5 - 4 = 61.
    expect(first).toMatchObject({ text: 'All automated tests passing', line: 61, column: 1, depth: 0, role: 'task' })
    const signoff = record.stages[2]?.groups[4]?.items[0]
    expect(signoff).toMatchObject({ text: 'Product Owner: {{po_signoff}}', role: 'signoff' })
  })

  it('should read the template tables with their headings and stages, and find the timeline and issues', () => {
    const record = read()
    expect(record.tables.map((table) => [table.heading, table.stage, table.rows.length, table.rows.filter((row) => row.unfilled).length])).toEqual([
      ['Risk Assessment', 'Pre-Deployment Planning', 3, 3],
      ['Deployment Timeline', 'Deployment Execution', 4, 0],
      ['Key Metrics to Monitor', 'Deployment Execution', 5, 0],
      ['Issues Encountered', 'Incident Response', 2, 2],
      ['Deployment Success Metrics', 'Post-Release Activities', 4, 0],
      ['Business Impact Metrics', 'Post-Release Activities', 3, 0],
      ['Action Items', 'Retrospective & Improvements', 3, 3],
      ['Communication Log', 'Communication Log', 2, 2],
    ])
    expect(record.timeline?.headers).toEqual(['phase', 'start time', 'end time', 'duration', 'status', 'notes'])
    expect(record.timeline?.rows[2]?.cells['phase']?.text).toBe('Application deployment')
    expect(record.timeline?.rows[2]?.cells['end time']?.text).toBe('{{app_end}}')
    expect(record.issues?.headers).toEqual(['time', 'issue', 'severity', 'impact', 'resolution', 'duration'])
  })

  it('should tie frontmatter placeholders to their keys and item placeholders to their groups', () => {
    const record = read()
    const inFrontmatter = record.placeholders.filter((placeholder) => placeholder.inFrontmatter)
    expect(inFrontmatter.map((placeholder) => `${placeholder.key}:${placeholder.name}`)).toEqual([
      'release:release_name',
      'version:release_version',
      'component:component',
      'release_type:release_type',
      'environment:target_environment',
      'scheduled:scheduled_date',
      'owner:owner',
      'coordinator:release_coordinator',
      'business_owner:business_owner',
      'rollback_strategy:rollback_strategy',
      'created:date',
      'updated:date',
    ])
    const inItems = record.placeholders.filter((placeholder) => placeholder.group !== undefined)
    expect(inItems.map((placeholder) => `${placeholder.group}:${placeholder.name}`)).toEqual([
      'Rollback Triggers:error_threshold',
      'Rollback Triggers:response_threshold',
      'Stakeholder Sign-off:po_signoff',
      'Stakeholder Sign-off:qa_signoff',
      'Stakeholder Sign-off:security_signoff',
      'Stakeholder Sign-off:infra_signoff',
    ])
  })
})
