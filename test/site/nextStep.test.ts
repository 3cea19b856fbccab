import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import { openItemsPageOf } from '../../src/core/site/openItemsPageOf.ts'
import { releasePageOf } from '../../src/core/site/releasePageOf.ts'
import { parseManifest } from '../../src/core/template/parseManifest.ts'

// What is left before each release's next status, and who signs it off. Every value was worked
// out by hand from test/fixtures/site/inflight (the deployment template's gates: Code & Testing and
// Infrastructure at approved, Pre-Deployment at in-progress, During Deployment at deployed,
// Post-Deployment at verified, Stakeholder Sign-off at closed, Rollback Validation at rolled-back).

const deployment = parseManifest(readFileSync(new URL('../../templates/deployment.md', import.meta.url), 'utf8'), 'deployment').manifest!
const templates = { deployment }
const FIXTURE = new URL('../fixtures/site/inflight/releases/', import.meta.url)

const pageOf = (id: string, source = readFileSync(new URL(`${id}.md`, FIXTURE), 'utf8')) =>
  releasePageOf(parseRecord(source, { file: `releases/${id}.md`, templates }), { id })

describe('what is left before the next status', () => {
  it('should list the items open at the next status of an in-progress release, the overdue ones apart', () => {
    const page = pageOf('search/4.0.0')
    // in-progress → deployed: Code review (approved) and Stakeholders notified (in-progress) are
    // overdue; Application deployed and Health checks passing are first due at deployed. Not counted:
    // the trigger (line 28), the struck-out On-call item (36), Post-Deployment (verified), sign-off (closed).
    expect(page.next).toEqual({
      status: 'in-progress',
      next: 'deployed',
      left: 4,
      overdue: [
        { stage: 'Pre-Deployment Planning', group: 'Code & Testing', gate: 'approved', items: [{ text: 'Code review completed and approved', line: 20 }] },
        { stage: 'Deployment Execution', group: 'Pre-Deployment', gate: 'in-progress', items: [{ text: 'Stakeholders notified', line: 35 }] },
      ],
      due: [
        {
          stage: 'Deployment Execution',
          group: 'During Deployment',
          gate: 'deployed',
          items: [
            { text: 'Application deployed', line: 41 },
            { text: 'Health checks passing', line: 42 },
          ],
        },
      ],
    })
    // The overdue items are the open items the page listed before: those the status requires.
    expect(page.openItems.map((item) => item.line)).toEqual([20, 35])
  })

  it('should count unsigned sign-offs as due when a verified release moves to closed', () => {
    const source = ['---', 'template: deployment', 'status: verified', '---', '## Deployment Execution', '', '**Post-Deployment**:', '', '- [ ] Documentation updated', '', '## Post-Deployment Validation', '', '**Stakeholder Sign-off**:', '', '- [x] Product Owner: Ana Ruiz', '- [ ] QA Lead: Femi Adeyemi', ''].join('\n')
    const page = pageOf('x/1.0.0', source)
    expect(page.next).toEqual({
      status: 'verified',
      next: 'closed',
      left: 2,
      overdue: [{ stage: 'Deployment Execution', group: 'Post-Deployment', gate: 'verified', items: [{ text: 'Documentation updated', line: 9 }] }],
      due: [{ stage: 'Post-Deployment Validation', group: 'Stakeholder Sign-off', gate: 'closed', items: [{ text: 'QA Lead: Femi Adeyemi', line: 16 }] }],
    })
    expect([page.summary.next, page.summary.nextLeft]).toEqual(['closed', 2])
  })

  it('should have no next status in an end state or without a status', () => {
    for (const status of ['closed', 'rolled-back', 'failed', 'cancelled', 'shipped']) {
      const page = pageOf('x/1.0.0', `---\ntemplate: deployment\nstatus: ${status}\n---\n## Deployment Execution\n\n**During Deployment**:\n\n- [ ] Application deployed\n`)
      expect([status, page.next, page.summary.next, page.summary.nextLeft]).toEqual([status, null, null, 0])
    }
  })

  it('should give the release tables each release next status, what is left and its owner', () => {
    const summaries = ['search/4.0.0', 'search/3.9.1', 'search/3.9.0'].map((id) => pageOf(id).summary)
    expect(summaries.map((s) => [s.id, s.next, s.nextLeft, s.owner, s.openRequired])).toEqual([
      ['search/4.0.0', 'deployed', 4, 'Dana Kim', 2],
      ['search/3.9.1', null, 0, 'Lee Park', 1],
      ['search/3.9.0', null, 0, 'Lee Park', 0],
    ])
  })
})

describe('the Open items page by release', () => {
  it('should list each release with what is left before its next status, and an end state release with its overdue items', () => {
    const open = openItemsPageOf(['search/3.9.0', 'search/3.9.1', 'search/4.0.0'].map((id) => pageOf(id)))
    // Newest first: 4.0.0 (scheduled 03-16), 3.9.1 (deployed 03-09); 3.9.0 is closed with nothing open.
    expect(open.releases.map((r) => [r.id, r.status, r.next, r.left, r.owner, r.overdue.flatMap((g) => g.items.map((i) => i.line)), r.due.flatMap((g) => g.items.map((i) => i.line))])).toEqual([
      ['search/4.0.0', 'in-progress', 'deployed', 4, 'Dana Kim', [20, 35], [41, 42]],
      ['search/3.9.1', 'rolled-back', null, 1, 'Lee Park', [26], []],
    ])
    expect(open.releases[1]?.overdue).toEqual([{ stage: 'Pre-Deployment Planning', group: 'Rollback Validation', gate: 'rolled-back', items: [{ text: 'Monitoring alerts cleared', line: 26 }] }])
    expect(open.releases[0]?.href).toBe('/releases/search/4.0.0.html')
  })
})

describe('who signs off', () => {
  it('should give each sign-off group its items as role, name as written and signed state', () => {
    const page = pageOf('search/4.0.0')
    expect(page.signoffs).toEqual([
      {
        stage: 'Post-Deployment Validation',
        group: 'Stakeholder Sign-off',
        gate: 'closed',
        required: false,
        // The struck-out Infrastructure Lead is not counted: 1 of 3 signed.
        signed: 1,
        total: 3,
        items: [
          { role: 'Product Owner', name: 'Ana Ruiz (2026-03-05)', named: true, signed: true, notApplicable: false, line: 52 },
          { role: 'QA Lead', name: 'TBD', named: false, signed: false, notApplicable: false, line: 53 },
          { role: 'Security Officer', name: '', named: false, signed: false, notApplicable: false, line: 54 },
          { role: 'Infrastructure Lead', name: 'not needed', named: true, signed: false, notApplicable: true, line: 55 },
        ],
      },
    ])
  })

  it('should read a sign-off without a colon as a role without a name, and a placeholder as no name', () => {
    const source = ['---', 'template: deployment', 'status: closed', '---', '## Post-Deployment Validation', '', '**Stakeholder Sign-off**:', '', '- [x] Security Officer approved', '- [ ] QA Lead: {{qa_signoff}}', ''].join('\n')
    const [group] = pageOf('x/1.0.0', source).signoffs
    expect([group?.required, group?.signed, group?.total]).toEqual([true, 1, 2])
    expect(group?.items.map((i) => [i.role, i.name, i.named, i.signed, i.line])).toEqual([
      ['Security Officer approved', null, false, true, 9],
      ['QA Lead', '{{qa_signoff}}', false, false, 10],
    ])
  })

  it('should have no sign-off panel for a record without a sign-off group', () => {
    const page = pageOf('x/1.0.0', `---\ntemplate: deployment\nstatus: planned\n---\n## Deployment Execution\n\n**During Deployment**:\n\n- [ ] Application deployed\n`)
    expect(page.signoffs).toEqual([])
  })
})

describe('the fixture site (docs/site.md)', () => {
  it('should leave each fixture release what docs/site.md says before its next status', () => {
    const project = new URL('../fixtures/site/project/releases/', import.meta.url)
    const ids = ['payments-api/2.3.0', 'payments-api/2.4.0', 'payments-api/2.4.1', 'security-lab/hostile', 'web-storefront/3.2.0', 'web-storefront/3.3.0']
    const pages = ids.map((id) => pageOf(id, readFileSync(new URL(`${id}.md`, project), 'utf8')))
    expect(pages.map((p) => [p.summary.id, p.summary.status, p.next?.next ?? null, p.next?.left ?? null, p.openItems.length])).toEqual([
      ['payments-api/2.3.0', 'closed', null, null, 0],
      ['payments-api/2.4.0', 'rolled-back', null, null, 1],
      // verified → closed: Health Checks (lines 73, 74) overdue; Product Owner (78) and First 24 hours (84) due.
      ['payments-api/2.4.1', 'verified', 'closed', 4, 2],
      ['security-lab/hostile', 'planned', 'approved', 1, 0],
      ['web-storefront/3.2.0', 'deployed', 'verified', 1, 0],
      ['web-storefront/3.3.0', 'in-progress', 'deployed', 1, 1],
    ])
    const [, , release] = pages
    expect(release?.next?.overdue.flatMap((g) => g.items.map((i) => i.line))).toEqual([73, 74])
    expect(release?.next?.due.map((g) => [g.group, g.items.map((i) => i.line)])).toEqual([
      ['Stakeholder Sign-off', [78]],
      ['First 24 hours', [84]],
    ])
  })
})
