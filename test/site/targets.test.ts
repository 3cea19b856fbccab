import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { computeMetrics } from '../../src/core/metrics/computeMetrics.ts'
import { planSite } from '../../src/core/site/planSite.ts'
import type { HomePage, MetricsPage } from '../../src/shared/pageData.ts'
import { BUILD_LIMIT_MS, cliTimeout, runCli } from '../helpers/runCli.ts'
import { record } from '../metrics/loadRecords.ts'

/*
 * Four production deployments, Mon 2026-03-02 … Thu 03-05, all in ISO week 2026-W10 (window
 * 4 days): 1.2.0 rolled back, restored after 30 minutes. Change failure rate 1/4 = 25%, success
 * rate 75%; recovery 0.5 h; 4 / (4/7) = 7 per week.
 */
const FRONTMATTER = (version: string, status: string, day: number, extra = ''): string =>
  `release: API\nversion: "${version}"\ncomponent: api\nenvironment: production\nstatus: ${status}\ndeployed_at: "2026-03-0${day}T10:00:00Z"${extra}`
const ROWS: Array<[string, string, number, string?]> = [
  ['1.0.0', 'closed', 2],
  ['1.1.0', 'closed', 3],
  ['1.2.0', 'rolled-back', 4, '\nrestored_at: "2026-03-04T10:30:00Z"'],
  ['1.3.0', 'closed', 5],
]
const TARGETS = { changeFailureRate: '< 5%', deploymentSuccessRate: '> 70%', recoveryTime: '< 1h', deploymentFrequency: '>= 10/week', leadTime: '< 1h' }

const SETTINGS = { title: 'Releases', description: '', base: '/', repoUrl: null, nav: [], cacheDir: '/tmp/c', outDir: '/tmp/o' }

describe('site targets: page data', () => {
  const records = ROWS.map(([version, status, day, extra]) => ({
    record: record({ file: `releases/${version}.md`, frontmatter: FRONTMATTER(version, status, day, extra) }),
    bodyHtml: null,
  }))

  it('should put each target on its figure’s tile with the outcome in words', () => {
    const plan = planSite(records, { settings: SETTINGS, releasesDir: 'releases', repo: null, targets: TARGETS })
    const home = JSON.parse(plan.get('data/home.json') ?? '') as HomePage
    const tile = (key: string): unknown => home.tiles.find((t) => t.key === key)?.targets
    expect(tile('changeFailureRate')).toEqual([
      { metric: 'changeFailureRate', text: 'target < 5%', outcome: 'missed', line: null },
      { metric: 'deploymentSuccessRate', text: 'target success rate > 70%', outcome: 'met', line: null },
    ])
    expect(tile('recoveryTime')).toEqual([{ metric: 'recoveryTime', text: 'target < 1h', outcome: 'met', line: null }])
    // 7 per week is below 10
    expect(tile('deploymentFrequency')).toEqual([{ metric: 'deploymentFrequency', text: 'target >= 10/week', outcome: 'missed', line: null }])
    expect(tile('leadTime')).toEqual([{ metric: 'leadTime', text: 'target < 1h', outcome: 'no data', line: null }])
    expect(tile('rollbackRate')).toEqual([])
    // the frequency target is drawn on the deployments chart, but the count's tile does not repeat it
    expect(tile('deployments')).toEqual([])
  })

  it('should draw the target line on the charts in the axis unit, a success rate at its failure rate', () => {
    const plan = planSite(records, { settings: SETTINGS, releasesDir: 'releases', repo: null, targets: TARGETS })
    const metrics = JSON.parse(plan.get('data/metrics.json') ?? '') as MetricsPage
    const charts = (key: string): MetricsPage['figures'][number]['charts'] | undefined => metrics.figures.find((f) => f.key === key)?.charts
    // per cent: 5% → 5; a success rate above 70% is a failure rate below 30%
    expect(charts('changeFailureRate')?.week.targets?.map((t) => [t.text, t.line, t.outcome])).toEqual([
      ['target < 5%', 5, 'missed'],
      ['target success rate > 70%', 30, 'met'],
    ])
    // recovery 0.5 h is headlined "30 min" and charted in minutes: 1 h → 60
    expect(charts('recoveryTime')?.month.targets?.map((t) => t.line)).toEqual([60])
    // deployments per week: a line on the weekly chart at 10, none by month
    expect(charts('deploymentFrequency')?.week.targets?.map((t) => t.line)).toEqual([10])
    expect(charts('deploymentFrequency')?.month.targets?.map((t) => t.line)).toEqual([null])
    expect(charts('deployments')?.week.targets?.map((t) => t.text)).toEqual(['target >= 10/week'])
  })

  it('should show no targets when none are configured', () => {
    const result = computeMetrics(records.map((r) => r.record))
    expect(result.targets).toEqual([])
    const plan = planSite(records, { settings: SETTINGS, releasesDir: 'releases', repo: null })
    const home = JSON.parse(plan.get('data/home.json') ?? '') as HomePage
    expect(home.tiles.every((t) => t.targets?.length === 0)).toBe(true)
  })
})

describe('site targets: the built pages', () => {
  let root: string | null = null
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true })
    root = null
  })

  it('should render the target, its outcome in words and the chart line into the HTML', () => {
    root = mkdtempSync(join(tmpdir(), 'shiplog-site-targets-'))
    mkdirSync(join(root, 'releases'))
    for (const [version, status, day, extra] of ROWS) {
      writeFileSync(join(root, 'releases', `${version}.md`), `---\n${FRONTMATTER(version, status, day, extra)}\n---\n\n# API ${version}\n`)
    }
    writeFileSync(join(root, 'shiplog.config.json'), JSON.stringify({ targets: { changeFailureRate: '< 5%', recoveryTime: '< 1h' } }))
    const built = runCli(['--root', root, 'build', '--quiet'], { env: { CI: '' }, timeoutMs: BUILD_LIMIT_MS })
    expect(built.stderr).toBe('')
    expect(built.code).toBe(0)
    const home = readFileSync(join(root, 'dist/index.html'), 'utf8')
    expect(home).toMatch(/data-target="changeFailureRate"[^>]*>.*?target &lt; 5%: <strong>missed<\/strong>/s)
    expect(home).toMatch(/data-target="recoveryTime"[^>]*>.*?target &lt; 1h: <strong>met<\/strong>/s)
    const metrics = readFileSync(join(root, 'dist/metrics.html'), 'utf8')
    // the dashed line on the change failure rate chart, labelled with the target and its outcome
    expect(metrics).toMatch(/<g class="sl-chart__target" data-target="changeFailureRate"><line [^>]*><\/line><text [^>]*>target &lt; 5% · missed<\/text><\/g>/)
    expect(metrics).toContain('target &lt; 5% (dashed line): missed over the window.')
  }, cliTimeout(1, BUILD_LIMIT_MS))
})
