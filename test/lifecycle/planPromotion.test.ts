import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { planPromotion, type Promotion } from '../../src/core/lifecycle/planPromotion.ts'
import { parseManifest } from '../../src/core/template/parseManifest.ts'

const source = readFileSync(fileURLToPath(new URL('../../templates/deployment.md', import.meta.url)), 'utf8')
const deployment = parseManifest(source, 'deployment').manifest
if (!deployment) throw new Error('templates/deployment.md has no manifest')
const manifests = { deployment }

/** A record that passes every gate up to `approved`; `Pre-Deployment` (gate in-progress) is open. */
function record(status: string, { eol = '\n', bom = '' } = {}): string {
  return (
    bom +
    [
      '---',
      '# the release record of Payments API',
      'template: deployment',
      'release: Payments API',
      'version: "2.4.0"',
      'component: payments-api',
      'release_type: minor',
      'environment: production',
      `status: ${status}`,
      'scheduled: "2026-11-24T14:00:00+01:00"',
      'owner: payments-team',
      '---',
      '',
      '## Pre-Deployment Planning',
      '',
      '**Code & Testing**:',
      '',
      '- [x] All automated tests passing',
      '',
      '**Infrastructure**:',
      '',
      '- [x] Database backups completed',
      '',
      '**Documentation**:',
      '',
      '- [x] Release notes prepared',
      '',
      '## Deployment Execution',
      '',
      '**Pre-Deployment**:',
      '',
      '- [ ] Deployment window confirmed',
      '- [x] Stakeholders notified',
      '',
    ].join(eol)
  )
}

function plan(text: string, target?: string, force = false): Promotion {
  return planPromotion({ text, file: 'releases/2.4.0.md', ...(target !== undefined ? { target } : {}), force, manifests, defaultTemplate: 'deployment', others: [] })
}

describe('planPromotion', () => {
  it('should move to the next status when none is named, changing only the status value', () => {
    const result = plan(record('planned'))
    expect(result).toMatchObject({ kind: 'promoted', from: 'planned', to: 'approved' })
    if (result.kind === 'promoted') expect(result.text).toBe(record('approved'))
  })

  it('should keep the quoting style, a comment after the value, CRLF line ends and a byte order mark', () => {
    const written = record(`'Planned'   # set by the release manager`, { eol: '\r\n', bom: '\uFEFF' })
    const result = plan(written, 'approved')
    expect(result.kind).toBe('promoted')
    if (result.kind === 'promoted') expect(result.text).toBe(record(`'approved'   # set by the release manager`, { eol: '\r\n', bom: '\uFEFF' }))
  })

  it('should keep double quotes', () => {
    const result = plan(record('"planned" # quoted'), 'approved')
    if (result.kind !== 'promoted') throw new Error(result.kind)
    expect(result.text).toBe(record('"approved" # quoted'))
  })

  it('should block on the open items of the target status, by name', () => {
    const result = plan(record('approved'), 'in-progress')
    if (result.kind !== 'blocked') throw new Error(result.kind)
    expect(result.open.map(({ stage, group, item }) => [stage.name, group.name, item.text, item.line])).toEqual([['Deployment Execution', 'Pre-Deployment', 'Deployment window confirmed', 32]])
    expect(result.result.diagnostics.map((d) => [d.ruleId, d.line])).toEqual([['status-gate', 32]])
  })

  it('should block when a later gate is skipped to: deployed requires in-progress work too', () => {
    const result = plan(record('approved'), 'deployed')
    expect(result.kind).toBe('blocked')
    if (result.kind === 'blocked') expect(result.open.map((open) => open.item.text)).toEqual(['Deployment window confirmed'])
  })

  it('should refuse an unknown status, suggesting the nearest', () => {
    expect(plan(record('planned'), 'aproved')).toEqual({
      kind: 'refused',
      message: 'Unexpected status `aproved`, expected one of planned, approved, in-progress, deployed, verified, closed, rolled-back, failed, cancelled (did you mean `approved`?)',
    })
  })

  it('should refuse a move back without force, and make it with force', () => {
    expect(plan(record('in-progress'), 'approved')).toEqual({
      kind: 'refused',
      message: 'releases/2.4.0.md: Unexpected move from `in-progress` back to `approved` (`approved` comes before `in-progress`), expected a later status: pass --force to move a release back',
    })
    expect(plan(record('cancelled'), 'planned').kind).toBe('refused')
    const forced = plan(record('in-progress'), 'approved', true)
    if (forced.kind !== 'promoted') throw new Error(forced.kind)
    expect(forced.text).toBe(record('approved'))
  })

  it('should allow an end state from a linear status', () => {
    expect(plan(record('approved'), 'cancelled')).toMatchObject({ kind: 'promoted', to: 'cancelled' })
  })

  it('should refuse frontmatter that cannot be read, a status that names none, and no next status', () => {
    expect(plan(record('planned').replace('owner: payments-team', 'owner: [unclosed'))).toMatchObject({ kind: 'refused' })
    expect(plan(record('bogus'))).toEqual({
      kind: 'refused',
      message: 'releases/2.4.0.md:9:9: Unexpected status `bogus`, expected one of planned, approved, in-progress, deployed, verified, closed, rolled-back, failed, cancelled: correct it by hand first',
    })
    expect(plan(record('closed'))).toMatchObject({ kind: 'refused' })
  })

  it('should leave a record already at the status unchanged', () => {
    expect(plan(record('approved'), 'Approved')).toEqual({ kind: 'unchanged', status: 'approved' })
  })
})

describe('planPromotion with a clock', () => {
  // A bundled closed record (deployed_at on line 10: 2026-08-14 13:48 +02:00), moved back to `verified`.
  const closed = readFileSync(fileURLToPath(new URL('../../releases/payments-api/2.4.1.md', import.meta.url)), 'utf8')
  const back = (clock: { now?: Date }): Promotion =>
    planPromotion({ text: closed, file: 'releases/payments-api/2.4.1.md', target: 'verified', force: true, manifests, defaultTemplate: 'deployment', others: [], ...clock })

  it("should run the gate's date rules on the clock it is given, as check does", () => {
    // On 2026-01-01 the deploy time of 2026-08-14 is in the future: an implausible-date warning at deployed_at.
    const dated = back({ now: new Date('2026-01-01T00:00:00Z') })
    if (dated.kind !== 'promoted') throw new Error(`expected the record promoted, got ${dated.kind}`)
    expect(dated.result.diagnostics.filter((d) => d.ruleId === 'implausible-date').map((d) => [d.line, d.severity])).toEqual([[10, 'warning']])
    // Without a clock, nothing is in the future.
    const undated = back({})
    if (undated.kind !== 'promoted') throw new Error(`expected the record promoted, got ${undated.kind}`)
    expect(undated.result.diagnostics.filter((d) => d.ruleId === 'implausible-date')).toEqual([])
  })
})
