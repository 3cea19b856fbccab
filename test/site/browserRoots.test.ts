import { renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { previewSite, type PreviewServer } from '../../src/node/site/previewSite.ts'
import { BUILD_LIMIT_MS, runCli } from '../helpers/runCli.ts'
import { twoRepositories } from '../helpers/twoRepositories.ts'
import { accessibilityProblems, CHROMIUM, CHROMIUM_ARGS, hydrated, siteUrl, watchPage } from './browserSite.ts'

// One site over two repositories (test/helpers/twoRepositories.ts), in Chromium: payments and a
// second repository whose folder name is markup (so its label must reach the page as text).
// Both have releases/1.0.0.md of component api, version 1.0.0: two pages, two component pages.

const TEST_MS = 120_000
const SEARCH = 'search<img src=x onerror=alert(1)>'
// routeSegment: lower-cased, anything outside a-z 0-9 . _ - becomes one `-`, none at the end
const SEARCH_ROUTE = 'search-img-src-x-onerror-alert-1'

let dir: string
let preview: PreviewServer
let browser: Browser
const problems: string[] = []

beforeAll(async () => {
  const made = twoRepositories()
  dir = made.dir
  renameSync(made.search, join(dir, SEARCH))
  const built = runCli(['--root', made.payments, '--root', join(dir, SEARCH), 'build', '--quiet', '--out-dir', join(dir, 'site')], { env: { CI: '' }, timeoutMs: BUILD_LIMIT_MS })
  if (built.code !== 0) throw new Error(`shiplog build failed (${built.code}):\n${built.stderr}`)
  preview = await previewSite(join(dir, 'site'), { port: 0 })
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
}, BUILD_LIMIT_MS + 120_000)

beforeEach(() => {
  problems.length = 0
})

afterEach(() => {
  expect(problems, 'console errors or page errors during the test').toEqual([])
})

afterAll(async () => {
  await browser?.close()
  await preview?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

async function open(path: string, width = 1280): Promise<Page> {
  const page = watchPage(await browser.newPage({ viewport: { width, height: 900 } }), () => path, problems, preview.url)
  await page.goto(siteUrl(preview, path), { waitUntil: 'networkidle' })
  await hydrated(page)
  return page
}

const PAGES = ['/', `/releases/payments/1.0.0.html`, `/releases/${SEARCH_ROUTE}/1.0.0.html`, '/components/', '/components/payments-api.html', '/metrics.html']

describe('a site over two repositories, in Chromium', () => {
  it('should list every release with its repository in a Repository column, the label shown as text, and measure them together', async () => {
    const page = await open('/')
    const table = page.locator('table.sl-release-table')
    expect(await table.locator('thead th').allTextContents()).toEqual(['Release', 'Repository', 'Component', 'Environment', 'Status', 'Date', 'Progress', 'Open', 'Next', 'Owner'])
    // newest first: search's 1.0.0 (03-15), payments 1.1.0 (03-04), payments 1.0.0 (03-02)
    const rows = table.locator('tbody tr')
    expect(await rows.evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th a')?.textContent?.trim(), tr.querySelectorAll('td')[0]?.textContent]))).toEqual([
      ['Search 1.0 1.0.0', SEARCH],
      ['Payments 1.1 1.1.0', 'payments'],
      ['Payments 1.0 1.0.0', 'payments'],
    ])
    expect(await rows.locator('th a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([
      `/releases/${SEARCH_ROUTE}/1.0.0.html`,
      '/releases/payments/1.1.0.html',
      '/releases/payments/1.0.0.html',
    ])
    expect(await page.locator('img[src="x"]').count()).toBe(0)
    // Home measures both repositories together (twoRepositories: 1.5 per week, 3 h, 1 of 3 failed)
    const tile = (key: string): Promise<string | null> => page.locator(`.sl-tile[data-figure="${key}"] .sl-tile__value`).first().textContent()
    expect(await tile('deploymentFrequency')).toBe('1.5 per week')
    expect(await tile('leadTime')).toBe('3 h')
    expect(await tile('changeFailureRate')).toBe('33.3%')
    await page.close()
  }, TEST_MS)

  it('should give the same component of each repository its own page, measured on its own', async () => {
    const components = await open('/components/')
    expect(await components.locator('main').textContent()).toContain('payments/api')
    expect(await components.locator('main').textContent()).toContain(`${SEARCH}/api`)
    await components.close()
    const payments = await open('/components/payments-api.html')
    expect(await payments.locator('h1').first().textContent()).toContain('payments/api')
    // payments' own: 2 releases over 2026-03-02 → 03-05 (3 days): 2 / (3 / 7) = 4.67 per week, lead time 2 h
    expect(await payments.locator('table.sl-release-table tbody tr').count()).toBe(2)
    expect(await payments.locator('.sl-tile[data-figure="deploymentFrequency"] .sl-tile__value').first().textContent()).toBe('4.67 per week')
    expect(await payments.locator('.sl-tile[data-figure="leadTime"] .sl-tile__value').first().textContent()).toBe('2 h')
    await payments.close()
    const same = await open(`/releases/${SEARCH_ROUTE}/1.0.0.html`)
    expect(await same.locator('h1').first().textContent()).toContain('Search 1.0 1.0.0')
    await same.close()
  }, TEST_MS)

  it.each([1440, 375])('should fit a %i px wide screen with no critical or serious axe-core finding', async (width) => {
    const failures: string[] = []
    for (const path of PAGES) {
      const page = await open(path, width)
      const { scrollWidth, innerWidth } = (await page.evaluate('({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })')) as { scrollWidth: number; innerWidth: number }
      if (scrollWidth > innerWidth) failures.push(`${path}: ${scrollWidth} px wide in a ${innerWidth} px window`)
      for (const problem of await accessibilityProblems(page, { landmarks: true })) failures.push(`${path}: ${problem}`)
      await page.close()
    }
    expect(failures).toEqual([])
  }, TEST_MS * 2)
})
