import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadProject } from '../../src/node/fs/loadProject.ts'
import { createBodyCache } from '../../src/node/cache/bodyCache.ts'
import { planSite, type SitePlan, type SitePlanMemo, type SiteRecord } from '../../src/core/site/planSite.ts'
import { readSiteRecords } from '../../src/node/site/readSiteRecords.ts'
import type { ComponentPage, ComponentsPage, HomePage, MetricsPage, OpenItemsPage, ReleasePage } from '../../src/shared/pageData.ts'
import { copyFixtureProject } from './helpers.ts'

// Every expected value below was worked out by hand from test/fixtures/site/project (see
// docs/site.md, "The fixture site"): four production deployments between 2026-03-02 and
// 2026-03-12 (2.3.0, 2.4.0 rolled back, 2.4.1 hotfix, 3.2.0), lead times 24, 6, 10 and 24 hours.

let root: string
let plan: SitePlan
let siteRecords: SiteRecord[]
const json = <T>(path: string): T => {
  const text = plan.get(path)
  if (text === undefined) throw new Error(`${path} is not planned`)
  return JSON.parse(text) as T
}

beforeAll(async () => {
  root = copyFixtureProject().root
  const project = await loadProject(root)
  const { records } = await readSiteRecords(project, createBodyCache(null), { recordCache: false })
  siteRecords = records
  plan = planSite(records, {
    settings: { title: 'Acme releases', description: '', base: '/', repoUrl: 'https://github.com/acme/releases', nav: [], cacheDir: '/c', outDir: '/o' },
    releasesDir: 'releases',
    repo: { url: 'https://github.com/acme/releases', branch: 'main' },
  })
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('planSite', () => {
  it('should plan a page, its data and its search text per release, and the site pages', () => {
    const pages = [...plan.keys()].filter((p) => p.endsWith('.md')).sort()
    expect(pages).toEqual([
      'components/index.md',
      'components/payments-api.md',
      'components/security-lab.md',
      'components/web-storefront.md',
      'index.md',
      'metrics.md',
      'open-items.md',
      'releases/payments-api/2.3.0.md',
      'releases/payments-api/2.4.0.md',
      'releases/payments-api/2.4.1.md',
      'releases/security-lab/hostile-js.md',
      'releases/security-lab/hostile.md',
      'releases/web-storefront/3.2.0.md',
      'releases/web-storefront/3.3.0.md',
    ])
    expect(plan.has('data/releases/payments-api/2.4.1.json')).toBe(true)
    expect(plan.has('data/search/releases/payments-api/2.4.1.txt')).toBe(true)
  })

  it('should write pages in which no record text can act: no mustache, no comment, one script', () => {
    for (const [path, source] of plan) {
      if (!path.endsWith('.md')) continue
      expect(source, path).not.toContain('{{')
      expect(source, path).not.toContain('<!--')
      expect(source.match(/<script/g), path).toHaveLength(1)
      expect(source, path).toMatch(/^---\n(?:[a-zA-Z]+: .*\n)+---\n/)
    }
    const hostile = plan.get('releases/security-lab/hostile.md') ?? ''
    expect(hostile).not.toMatch(/^head:/m)
    // The page holds no record text: its body is data, shown with v-html.
    expect(hostile).toContain("import body from '../../data/bodies/security-lab/hostile.json'")
    expect(hostile.split('\n').filter((line) => line.includes('shiplog-record'))).toEqual(['<div class="shiplog-record" v-html="body.html"></div>'])
    const { html: body } = JSON.parse(plan.get('data/bodies/security-lab/hostile.json') ?? '{}') as { html?: string }
    // Record text has every `<` escaped, so each raw `<` left starts one of the sanitizer's tags.
    const tags = (body ?? '').match(/<[^>]*>/g) ?? []
    const names = new Set(tags.map((tag) => /^<\/?([a-z0-9]+)/.exec(tag)?.[1]))
    expect([...names].sort()).toEqual(['a', 'code', 'div', 'h2', 'h3', 'input', 'li', 'p', 'pre', 'strong', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul'])
    for (const tag of tags) expect(tag).not.toMatch(/\son\w+=|javascript:|style=/i)
  })

  it('should show the DORA figures worked out by hand on Home', () => {
    const home = json<HomePage>('data/home.json')
    expect(home.window).toBe('2026-03-02 – 2026-03-12 (UTC)')
    const tiles = Object.fromEntries(home.tiles.map((t) => [t.key, [t.value, t.detail]]))
    expect(tiles).toEqual({
      // 4 deployments, the failed one included (FORMAT.md 1.1), over 11 days: 4 / (11 / 7) = 2.545… → 2.55;
      // deploy days: W10 {03-02} = 1, W11 {03-09, 03-10 (2.4.1, 22:40Z), 03-12} = 3
      // → median (1 + 3) / 2 = 2 < 3 → weekly, and the tile says why
      deploymentFrequency: ['2.55 per week', '4 deployments · weekly: 2 deploy days in the median week'],
      leadTime: ['17 h', 'p90 24 h · 4 changes'],
      changeFailureRate: ['25%', '1 of 4 deployments failed'],
      recoveryTime: ['2 h', '1 known · 0 unknown'],
      deployments: ['4', '1 failed'],
      rollbackRate: ['25%', 'of 4 deployments'],
      reworkRate: ['25%', 'of 4 deployments'],
      deploymentDuration: ['1 h 25 min', '2 measured'],
    })
    expect(home.tiles.every((t) => t.year === 2024)).toBe(true)
    const deployments = home.trends.week[0]
    expect([deployments?.labels, deployments?.printed]).toEqual([['2026-W10', '2026-W11'], ['1', '3 (1 failed)']])
    expect(home.trends.month[0]?.printed).toEqual(['4 (1 failed)'])
  })

  it('should list releases newest first with their progress', () => {
    const home = json<HomePage>('data/home.json')
    expect(home.releases.map((r) => [r.id, r.done, r.total, r.openRequired])).toEqual([
      ['security-lab/hostile', 1, 2, 0],
      ['web-storefront/3.3.0', 3, 4, 1],
      ['web-storefront/3.2.0', 5, 6, 0],
      ['payments-api/2.4.1', 10, 14, 2],
      ['payments-api/2.4.0', 6, 8, 1],
      ['payments-api/2.3.0', 12, 12, 0],
      ['security-lab/hostile-js', 0, 1, 0],
    ])
    expect(home.totals.records).toBe(7)
    // In flight: hostile (planned), 3.3.0 (in-progress), 3.2.0 (deployed), 2.4.1 (verified); left
    // before their next status 1 + 1 (E2E tests, L20) + 1 (Full test suite, L47) + 4 (L73, L74,
    // the Product Owner's sign-off L78, L84); overdue: 3.3.0's L20, 2.4.1's L73 and L74, and the
    // rolled-back 2.4.0's L44 (an end state: overdue, not in flight).
    expect(home.totals.open).toEqual({ inFlight: 4, left: 7, overdue: 4 })
    expect(home.components).toEqual(['payments-api', 'security-lab', 'web-storefront'])
    expect(home.environments).toEqual(['production', 'staging'])
  })

  it('should give a release page its progress, open items, timeline, triggers and issues', () => {
    const page = json<ReleasePage>('data/releases/payments-api/2.4.1.json')
    expect([page.summary.done, page.summary.total, page.summary.percent]).toEqual([10, 14, 71])
    expect(page.stages.map((s) => [s.name, s.done, s.total])).toEqual([
      ['Pre-Deployment Planning', 4, 4],
      ['Deployment Execution', 5, 5],
      ['Post-Deployment Validation', 1, 4],
      ['Post-Release Activities', 0, 1],
    ])
    expect(page.openItems.map((i) => [i.text, i.group, i.gate])).toEqual([
      ['Cache systems operational', 'Health Checks', 'verified'],
      ['Background jobs running', 'Health Checks', 'verified'],
    ])
    expect(page.timeline?.offsetMinutes).toBe(60)
    expect(page.timeline?.rows.map((r) => [r.phase, r.minutes, r.duration])).toEqual([
      ['Pre-deployment checks', 10, '10 min'],
      ['Database migration', 15, '15 min'],
      ['Application deployment', 75, '1 h 15 min'],
      ['Post-deployment validation', 25, '25 min'],
    ])
    // shown in the offset of `scheduled` (+01:00), which the timeline's HH:MM cells are read in
    expect(page.deployedAt).toEqual({ at: '2026-03-10T22:40:00.000Z', text: '2026-03-10 23:40 +01:00', source: 'application-deployment' })
    expect(page.sourceUrl).toBe('https://github.com/acme/releases/blob/main/releases/payments-api/2.4.1.md')

    const rolledBack = json<ReleasePage>('data/releases/payments-api/2.4.0.json')
    expect(rolledBack.triggers.fired.map((t) => t.text)).toEqual(['Error rate > 5%'])
    expect(rolledBack.triggers.total).toBe(2)
    expect(rolledBack.issues?.rows.map((r) => [r.issue, r.severity, r.failure])).toEqual([['Ledger writes timing out', 'High', true]])
    expect(rolledBack.openItems.map((i) => i.text)).toEqual(['Monitoring alerts cleared'])
  })

  it('should keep unsafe addresses out of the data', () => {
    const page = json<ReleasePage>('data/releases/security-lab/hostile.json')
    expect(page.changes).toEqual([
      { id: 'X-1', title: '{{ 7*7 }} <b onmouseover=alert(1)>bold</b>', committedAt: '2026-03-19 08:00 UTC', committedIso: '2026-03-19T08:00:00.000Z', author: null, url: null },
    ])
    const storefront = json<ReleasePage>('data/releases/web-storefront/3.2.0.json')
    expect(storefront.changes[0]?.url).toBe('https://github.com/acme/web/pull/77')
    const js = json<ReleasePage>('data/releases/security-lab/hostile-js.json')
    expect(js.problems.map((p) => p.rule)).toContain('frontmatter-engine')
    expect(js.fields).toEqual([])
  })

  it('should list every open required item across releases, newest release first', () => {
    const open = json<OpenItemsPage>('data/open-items.json')
    expect(open.records.map((r) => [r.id, r.count])).toEqual([
      ['web-storefront/3.3.0', 1],
      ['payments-api/2.4.1', 2],
      ['payments-api/2.4.0', 1],
    ])
    expect(open.items.map((i) => `${i.id}#L${i.line} ${i.text}`)).toEqual([
      'web-storefront/3.3.0#L20 E2E tests completed in staging',
      'payments-api/2.4.1#L73 Cache systems operational',
      'payments-api/2.4.1#L74 Background jobs running',
      'payments-api/2.4.0#L44 Monitoring alerts cleared',
    ])
  })

  it('should show the records behind every figure on the metrics page', () => {
    const metrics = json<MetricsPage>('data/metrics.json')
    const lead = metrics.figures.find((f) => f.key === 'leadTime')
    expect(lead?.evidence.map((e) => `${e.title} ${e.value}`).sort()).toEqual([
      'Checkout revamp 3.2.0 24 h',
      'Payments API 2.3.0 24 h',
      'Payments API 2.3.0 6 h',
      'Payments API 2.4.1 10 h',
    ])
    const cfr = metrics.figures.find((f) => f.key === 'changeFailureRate')
    expect(cfr?.evidence.filter((e) => e.value === 'yes').map((e) => e.title)).toEqual(['Payments API 2.4.0'])
    expect(metrics.figures.map((f) => f.charts.week.labels.length)).toEqual(Array(8).fill(2))
  })

  it('should give each component its releases and figures', () => {
    const components = json<ComponentsPage>('data/components.json')
    expect(components.components.map((c) => [c.name, c.releases, c.latest?.version, c.open])).toEqual([
      ['payments-api', 3, '2.4.1', { inFlight: 1, left: 4, overdue: 3 }],
      ['security-lab', 1, '6.6.6', { inFlight: 1, left: 1, overdue: 0 }],
      ['web-storefront', 2, '3.3.0', { inFlight: 2, left: 2, overdue: 1 }],
    ])
    const payments = json<ComponentPage>('data/components/payments-api.json')
    // 3 deployments 2026-03-02 – 2026-03-10 (9 days), all counted (1.1): 3 / (9/7) = 2.33 per week;
    // lead times 24, 6 and 10 h: median 10 h; 1 of 3 failed.
    expect(payments.window).toBe('2026-03-02 – 2026-03-10 (UTC)')
    expect(payments.tiles.slice(0, 4).map((t) => t.value)).toEqual(['2.33 per week', '10 h', '33.3%', '2 h'])
    expect(payments.releases.map((r) => r.version)).toEqual(['2.4.1', '2.4.0', '2.3.0'])
  })

  it('should plan again only the releases a memo does not hold under the same route and repository', () => {
    const settings = { title: 'Acme releases', description: '', base: '/', repoUrl: null, nav: [], cacheDir: '/c', outDir: '/o' }
    const memo: SitePlanMemo = new WeakMap()
    const repo = { url: 'https://github.com/acme/releases', branch: 'main' }
    const first = planSite(siteRecords, { settings, releasesDir: 'releases', repo, memo })
    expect(first).toEqual(planSite(siteRecords, { settings, releasesDir: 'releases', repo }))
    const held = siteRecords.find((r) => r.record.file === 'releases/payments-api/2.4.1.md') as SiteRecord
    expect(memo.get(held)?.files.map(([path]) => path)).toEqual([
      'data/releases/payments-api/2.4.1.json',
      'data/bodies/payments-api/2.4.1.json',
      'data/search/releases/payments-api/2.4.1.txt',
      'releases/payments-api/2.4.1.md',
    ])
    // What the memo holds is what is planned: a forged entry under the same key shows it is used.
    const entry = memo.get(held)!
    memo.set(held, { ...entry, files: entry.files.map(([path, content]) => [path, path.endsWith('.json') ? 'from the memo\n' : content]) })
    expect(planSite(siteRecords, { settings, releasesDir: 'releases', repo, memo }).get('data/releases/payments-api/2.4.1.json')).toBe('from the memo\n')
    // Another repository is another key: the release is planned again, with its new source link.
    const other = planSite(siteRecords, { settings, releasesDir: 'releases', repo: { url: 'https://git.example.com/acme', branch: 'trunk' }, memo })
    expect(JSON.parse(other.get('data/releases/payments-api/2.4.1.json') as string).sourceUrl).toBe('https://git.example.com/acme/blob/trunk/releases/payments-api/2.4.1.md')
  })
})
