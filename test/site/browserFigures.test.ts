import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../helpers/runCli.ts'
import { openBuiltSite, SITE_SETUP_MS, type BrowserSite } from './browserSite.ts'

// Whether a figure is good, read in headless Chromium from a small project built with the real
// binary: the tier legend, each bar's n, a bar's link to its records, and chart text legible on
// a 375 px phone.

const TEST_MS = 90_000
/** Screenshots (git-ignored), for looking at the charts by eye. */
const SHOTS = join(REPO_ROOT, 'test-results/screenshots')

/*
 * Four production deployments; the window is [2026-03-02, 2026-06-02), 92 days: 14 ISO weeks
 * 2026-W10 … 2026-W23 and 4 months 2026-03 … 2026-06.
 * - Shop 1.0.0 closed 2026-03-02T10:00Z (W10)
 * - Shop 1.1.0 closed 2026-03-03T10:00Z (W10)
 * - Shop 1.2.0 rolled back 2026-03-16T10:00Z (W12), restored 12:00Z
 * - Shop 1.3.0 closed 2026-06-01T10:00Z (W23)
 * Frequency 4 ÷ 92 × 7 = 0.3 per week. Deploy days per week: 2 in W10, 1 in W12 and W23, 0 in the
 * 11 others → median 0; per month [3, 0, 0, 1] → median 0.5 → class yearly; 4 × 180 ÷ 92 ≥ 1 →
 * semiannual → DORA 2024 low, "Between once per month and once every six months".
 * Change failure rate by week: W10 0/2, W12 1/1 = 100% (n = 1), W23 0/1, the other 11 weeks none (n = 0).
 */
const RECORDS: Array<[string, string]> = [
  ['1.0.0', 'status: closed\ndeployed_at: "2026-03-02T10:00:00Z"'],
  ['1.1.0', 'status: closed\ndeployed_at: "2026-03-03T10:00:00Z"'],
  ['1.2.0', 'status: rolled-back\ndeployed_at: "2026-03-16T10:00:00Z"\nrestored_at: "2026-03-16T12:00:00Z"'],
  ['1.3.0', 'status: closed\ndeployed_at: "2026-06-01T10:00:00Z"'],
]
const WEEKS = Array.from({ length: 14 }, (_, i) => `2026-W${String(10 + i).padStart(2, '0')}`)
const CFR_N: Record<string, number> = { '2026-W10': 2, '2026-W12': 1, '2026-W23': 1 }

let root: string
let site: BrowserSite

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'shiplog-figures-'))
  mkdirSync(join(root, 'releases'))
  writeFileSync(join(root, 'shiplog.config.json'), JSON.stringify({ site: { title: 'Shop releases' } }))
  for (const [version, lines] of RECORDS) {
    writeFileSync(
      join(root, 'releases', `${version}.md`),
      `---\ntemplate: deployment\nrelease: "Shop"\nversion: "${version}"\ncomponent: "shop"\nenvironment: "production"\n${lines}\n---\n\n# Shop ${version}\n`,
    )
  }
  site = await openBuiltSite(root)
  mkdirSync(SHOTS, { recursive: true })
}, SITE_SETUP_MS)

afterEach(async () => {
  expect(await site.reset(), 'console errors or page errors during the test').toEqual([])
})

afterAll(async () => {
  await site?.close()
  if (root) rmSync(root, { recursive: true, force: true })
})

const open = (path: string, width = 1280): Promise<Page> => site.open(path, { width })

const cfrChart = (page: Page) => page.locator('section[data-figure="changeFailureRate"] svg.sl-chart__svg')

describe('whether a figure is good, in Chromium', () => {
  it(
    'should show each key metric’s tiers for the report year as a legend, the rating in words',
    async () => {
      const page = await open('/metrics.html')
      await page.screenshot({ path: join(SHOTS, 'figures-metrics.png'), fullPage: true })
      expect(await page.locator('.sl-legend').count()).toBe(4)
      const legend = page.locator('section[data-figure="deploymentFrequency"] .sl-legend')
      expect(await legend.locator('caption').innerText()).toContain('DORA 2024 tiers for Deployment frequency')
      expect(await legend.locator('caption a').innerText()).toBe('Accelerate State of DevOps Report 2024 (DORA, Google Cloud)')
      expect(await legend.locator('tbody tr').allInnerTexts()).toEqual([
        expect.stringMatching(/^Elite\s+On demand \(multiple deploys per day\)\s*$/),
        expect.stringMatching(/^High\s+Between once per day and once per week\s*$/),
        expect.stringMatching(/^Medium\s+Between once per week and once per month\s*$/),
        expect.stringMatching(/^Low\s+Between once per month and once every six months\s+← rated here$/),
      ])
      const head = page.locator('section[data-figure="deploymentFrequency"] .sl-figure__value')
      expect(await head.locator('.sl-tile__value').innerText()).toBe('0.3 per week')
      expect(await head.locator('.sl-rating').innerText()).toBe('Low by DORA 2024: between once per month and once every six months')
      expect(await head.locator('.sl-rating__basis').innerText()).toBe(
        'Rated on yearly: 0 deploy days in the median week, 0.5 deploy days in the median month (at least semiannual); the rating follows the class, not the 0.3 per week average',
      )
      // Home's tile writes the rating out too.
      const home = await open('/')
      expect(await home.locator('.sl-tile[data-figure="deploymentFrequency"] .sl-rating').innerText()).toBe(
        'Low by DORA 2024: between once per month and once every six months',
      )
    },
    TEST_MS,
  )

  it(
    'should label every period of a chart with its n, in the bar’s text and tooltip',
    async () => {
      const page = await open('/metrics.html')
      const chart = cfrChart(page)
      const labels = await chart.locator('.sl-chart__label').allTextContents()
      expect(labels).toEqual(WEEKS.map((w) => `${w} · n=${CFR_N[w] ?? 0}`))
      expect(await chart.locator('.sl-chart__bar[data-period="2026-W12"] > title').textContent()).toBe(
        '2026-W12: 100% (n = 1 deployment) — show its records',
      )
      expect(await chart.locator('desc').textContent()).toContain('2026-W12: 100% (n = 1 deployment)')
      // By month there is room: the period and its n on two lines.
      await page.getByRole('button', { name: 'By month' }).click()
      await expect.poll(() => cfrChart(page).locator('.sl-chart__label').allTextContents()).toEqual(
        ['2026-03', 'n=3', '2026-04', 'n=0', '2026-05', 'n=0', '2026-06', 'n=1'],
      )
    },
    TEST_MS,
  )

  it(
    'should take a bar’s link to the records of its period, on the metrics page and from Home',
    async () => {
      const page = await open('/metrics.html')
      await cfrChart(page).locator('.sl-chart__bar[data-period="2026-W12"]').click()
      await page.waitForURL(/#change-failure-rate--2026-w12$/)
      const records = page.locator('#change-failure-rate--2026-w12')
      await expect.poll(() => records.isVisible()).toBe(true)
      expect(await records.locator('li a').allInnerTexts()).toEqual(['Shop 1.2.0'])
      expect(await records.innerText()).toContain('n = 1 deployment')

      const home = await open('/')
      const bar = home.locator('.sl-trends svg.sl-chart__svg').nth(2).locator('.sl-chart__bar--link[data-period="2026-W10"]')
      await bar.click()
      await home.waitForURL(/metrics\.html#change-failure-rate--2026-w10$/)
      const listed = home.locator('#change-failure-rate--2026-w10')
      await expect.poll(() => listed.isVisible()).toBe(true)
      expect(await listed.locator('li a').allInnerTexts()).toEqual(['Shop 1.0.0', 'Shop 1.1.0'])
    },
    TEST_MS,
  )

  it(
    'should draw chart text at 11 px or more on a 375 px screen',
    async () => {
      for (const path of ['/metrics.html', '/']) {
        const page = await open(path, 375)
        // The size text is drawn at: its font size times the scale from SVG units to screen pixels.
        // (Strings: the tests are type-checked without the DOM library.)
        const sizes = (await page.evaluate(`[...document.querySelectorAll('svg.sl-chart__svg text')].map((text) => {
          const m = text.getScreenCTM()
          return Number.parseFloat(getComputedStyle(text).fontSize) * (m ? Math.hypot(m.a, m.b) : 0)
        })`)) as number[]
        await page.screenshot({ path: join(SHOTS, `figures-375${path === '/' ? '-home' : '-metrics'}.png`), fullPage: true })
        expect(sizes.length).toBeGreaterThan(20)
        expect(Math.min(...sizes), path).toBeGreaterThanOrEqual(11)
        // A chart with more bars than fit scrolls inside its box; the page does not get wider.
        const right = (await page.evaluate(`Math.max(...[...document.querySelectorAll('.sl-chart')].map((e) => e.getBoundingClientRect().right))`)) as number
        expect(right, path).toBeLessThanOrEqual(375)
      }
    },
    TEST_MS,
  )

  it(
    'should link every record behind a figure as CSV, which the site serves',
    async () => {
      const page = await open('/metrics.html')
      const section = page.locator('section[data-figure="changeFailureRate"]')
      expect(await section.locator('h3', { hasText: 'Records behind this figure' }).innerText()).toBe('Records behind this figure (4)')
      const link = section.locator('.sl-evidence-csv a')
      expect(await section.locator('.sl-evidence-csv').innerText()).toBe('All of them as change-failure-rate.csv (CSV).')
      expect(await link.getAttribute('href')).toBe('/data/metrics/change-failure-rate.csv')
      const csv = await (await page.request.get(new URL('/data/metrics/change-failure-rate.csv', page.url()).href)).text()
      const lines = csv.split('\r\n')
      expect(lines[0]).toBe('"Release","File","Line","Failed","Detail","Page"')
      // Four deployments, one line each, and the line end after the last.
      expect(lines).toHaveLength(6)
      expect(lines.filter((line) => line.startsWith('"Shop 1.2.0"'))).toEqual([expect.stringMatching(/^"Shop 1\.2\.0","releases\/1\.2\.0\.md","\d+","yes",/)])
    },
    TEST_MS,
  )
})
