import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { previewSite, type PreviewServer } from '../../src/node/site/previewSite.ts'
import { BUILD_LIMIT_MS, REPO_ROOT, runCli } from '../helpers/runCli.ts'
import { accessibilityProblems, appearanceContext, CHROMIUM, CHROMIUM_ARGS, hydrated, overflowOf } from './browserSite.ts'
import { copyFixtureProject, listFiles } from './helpers.ts'

// Builds the fixture project with the real binary once, serves dist/ and reads it in headless
// Chromium. Numbers are the ones worked out by hand in planSite.test.ts. Screenshots go to
// test-results/screenshots/ (git-ignored). Each test opens the pages it reads; what the browser
// logs or requests from outside while a test runs fails that test. The last block reads every page
// type at a desktop and a phone width, in light and dark mode: nothing wider than the screen, and
// axe-core finds nothing critical or serious.

const SHOTS = join(REPO_ROOT, 'test-results/screenshots')

let root: string
let marker: string
let preview: PreviewServer
let browser: Browser
const problems: string[] = []
const external: string[] = []

/** Opening pages and clicking through them in Chromium, on a busy machine. */
const TEST_MS = 90_000

/** Every page the tests below open. */
const PAGES = [
  '/',
  '/releases/payments-api/2.4.1.html',
  '/releases/payments-api/2.4.0.html',
  '/metrics.html',
  '/open-items.html',
  '/components/payments-api.html',
  '/releases/security-lab/hostile.html',
  '/releases/security-lab/hostile-js.html',
]

beforeAll(async () => {
  ;({ root, marker } = copyFixtureProject())
  const built = runCli(['--root', root, 'build', '--quiet'], { env: { CI: '' }, timeoutMs: BUILD_LIMIT_MS })
  if (built.code !== 0) throw new Error(`shiplog build failed (${built.code}):\n${built.stderr}`)
  expect(built.stdout).toBe('')
  preview = await previewSite(join(root, 'dist'), { port: 0 })
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  mkdirSync(SHOTS, { recursive: true })
}, BUILD_LIMIT_MS + 120_000)

beforeEach(() => {
  problems.length = 0
  external.length = 0
})

afterEach(() => {
  expect(problems, 'console errors, page errors or dialogs during the test').toEqual([])
  expect(external, 'requests that left the site during the test').toEqual([])
})

afterAll(async () => {
  await browser?.close()
  await preview?.close()
  if (root) rmSync(root, { recursive: true, force: true })
})

/** Opens a page of the built site, recording console errors, page errors, dialogs and requests that leave it. */
async function open(path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  return visit(watched(page), path)
}

/** Where a watched page is, and whether it is the 404 page (which answers 404 itself). */
const visiting = new WeakMap<Page, { path: string; url: string; notFound: boolean }>()

/** Records, for the path it is on, the page's console errors, page errors, dialogs and requests that leave the site. */
function watched(page: Page): Page {
  // Waits for states (navigation, elements), at most this long on a busy machine.
  page.setDefaultTimeout(60_000)
  const at = () => visiting.get(page) ?? { path: '?', url: '', notFound: false }
  page.on('console', (message) => {
    const { path, url, notFound } = at()
    // The 404 page's own load is the one failed load the browser may log.
    if (notFound && message.type() === 'error' && message.location().url === url && message.text().includes('status of 404')) return
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${path}: console ${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`${at().path}: page error: ${error.message}`))
  page.on('dialog', (dialog) => {
    problems.push(`${at().path}: dialog: ${dialog.message()}`)
    void dialog.dismiss()
  })
  page.on('request', (request) => {
    const url = request.url()
    if (!url.startsWith(preview.url) && !url.startsWith('data:')) external.push(url)
  })
  return page
}

/** Loads `path` in a watched page. */
async function visit(page: Page, path: string, options: { notFound?: boolean } = {}): Promise<Page> {
  const url = new URL(path.replace(/^\//, ''), preview.url).href
  visiting.set(page, { path, url, notFound: options.notFound === true })
  await page.goto(url, { waitUntil: 'networkidle' })
  await hydrated(page)
  return page
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true })
}

async function pwned(page: Page): Promise<unknown> {
  return page.evaluate('window.__pwned')
}

describe('the built site in Chromium', () => {
  it('should show the DORA tiles, trend charts and the release list on Home', async () => {
    const page = await open('/')
    const tile = (key: string) => page.locator(`.sl-tile[data-figure="${key}"] .sl-tile__value`).first().textContent()
    expect(await tile('deploymentFrequency')).toBe('2.55 per week')
    expect(await tile('leadTime')).toBe('17 h')
    expect(await tile('changeFailureRate')).toBe('25%')
    expect(await tile('recoveryTime')).toBe('2 h')
    expect(await tile('deployments')).toBe('4')
    expect(await tile('deploymentDuration')).toBe('1 h 25 min')
    expect(await page.locator('.sl-tiles:not(.sl-tiles--compact) .sl-tier__year').allTextContents()).toEqual(Array(4).fill('DORA 2024'))

    const charts = page.locator('.sl-trends svg[role="img"]')
    expect(await charts.count()).toBe(4)
    for (const chart of await charts.all()) {
      const [titleId, descId] = ((await chart.getAttribute('aria-labelledby')) ?? '').split(' ')
      expect(await chart.locator(`title[id="${titleId}"]`).count()).toBe(1)
      expect(await chart.locator(`desc[id="${descId}"]`).count()).toBe(1)
    }
    const deployments = charts.first()
    expect(await deployments.locator('.sl-chart__rect').count()).toBe(2)
    expect(await deployments.locator('.sl-chart__value').allTextContents()).toEqual(['1', '3 (1 failed)'])
    expect(await page.locator('.sl-trends table').first().locator('tbody tr').count()).toBe(2)

    const rows = page.locator('.sl-release-table tbody tr')
    expect(await rows.count()).toBe(7)
    expect(await rows.nth(3).locator('.sl-release-link').textContent()).toBe('Payments API 2.4.1')
    expect(await rows.nth(3).locator('.sl-progress__text').textContent()).toBe('10/14 · 71%')
    expect(await rows.nth(3).locator('.sl-status').textContent()).toContain('verified')
    await page.selectOption('select[name="component"]', 'payments-api')
    expect(await rows.count()).toBe(3)
    expect(page.url()).toContain('component=payments-api')
    await page.selectOption('select[name="component"]', '')
    await page.selectOption('select[name="environment"]', 'staging')
    expect(await rows.count()).toBe(2)
    await page.selectOption('select[name="environment"]', '')
    await shot(page, 'home')
    expect(await pwned(page)).toBeUndefined()
    await page.close()
  }, TEST_MS)

  it('should show a release: its record with checkboxes, progress, open items and timeline', async () => {
    const page = await open('/releases/payments-api/2.4.1.html')
    expect(await page.locator('h1').first().textContent()).toBe('Payments API 2.4.1')
    expect(await page.locator('.sl-release .sl-progress__text').first().textContent()).toBe('10/14 · 71%')
    const boxes = page.locator('.shiplog-record input[type="checkbox"]')
    expect(await boxes.count()).toBe(17)
    expect(await page.locator('.shiplog-record input[type="checkbox"]:checked').count()).toBe(10)
    expect(await page.locator('.shiplog-record input[type="checkbox"]:disabled').count()).toBe(17)
    // Each checkbox is named after its item's text, so a screen reader says what is (un)checked.
    expect(await page.getByRole('checkbox', { name: 'Cache systems operational', exact: true }).isChecked()).toBe(false)
    expect(await page.getByRole('checkbox', { name: 'All automated tests passing', exact: true }).isChecked()).toBe(true)
    expect(await page.locator('.sl-release .sl-open-list li').allInnerTexts()).toEqual([
      'Cache systems operational · Post-Deployment Validation › Health Checks · line 73',
      'Background jobs running · Post-Deployment Validation › Health Checks · line 74',
    ])
    await page.locator('.sl-release .sl-open-list a').first().click()
    expect(page.url()).toMatch(/#L73$/)
    expect(await page.locator('#L73').textContent()).toContain('Cache systems operational')

    const timeline = page.locator('.sl-timeline svg[role="img"]')
    expect(await timeline.locator('.sl-timeline__bar').count()).toBe(4)
    expect(await timeline.locator('.sl-chart__value').allTextContents()).toEqual(['10 min', '15 min', '1 h 15 min', '25 min'])
    expect(await timeline.locator('text.sl-chart__label').allTextContents()).toEqual(['22:00 UTC+01:00', '00:05 UTC+01:00'])
    expect(await page.locator('a', { hasText: 'View in repository' }).getAttribute('href')).toBe(
      'https://github.com/acme/releases/blob/main/releases/payments-api/2.4.1.md',
    )
    await shot(page, 'release-2.4.1')
    await page.close()
  }, TEST_MS)

  it('should highlight fired rollback triggers and failure issues', async () => {
    const page = await open('/releases/payments-api/2.4.0.html')
    expect(await page.locator('#shiplog-triggers').innerText()).toContain('Error rate > 5%')
    expect(await page.locator('#shiplog-triggers .sl-callout__title').textContent()).toBe('↺ Rollback trigger fired (1 of 2)')
    const bad = page.locator('.sl-issues tbody tr.sl-row--bad')
    expect(await bad.count()).toBe(1)
    expect(await bad.innerText()).toContain('Ledger writes timing out')
    await shot(page, 'release-2.4.0')
    await page.close()
  }, TEST_MS)

  it('should chart every figure on the metrics page with the records behind it', async () => {
    const page = await open('/metrics.html')
    const figures = page.locator('section.sl-figure[data-figure]')
    expect(await figures.count()).toBe(8)
    for (const figure of await figures.all()) expect(await figure.locator('svg[role="img"] rect.sl-chart__rect').count()).toBeGreaterThan(0)
    const lead = page.locator('section[data-figure="leadTime"]')
    expect(await lead.locator('.sl-figure__value .sl-tile__value').textContent()).toBe('17 h')
    expect((await lead.locator('.sl-evidence tbody .sl-evidence__value').allTextContents()).sort()).toEqual(['10 h', '24 h', '24 h', '6 h'])
    const cfr = page.locator('section[data-figure="changeFailureRate"]')
    expect(await cfr.locator('.sl-figure__value .sl-tile__value').textContent()).toBe('25%')
    await page.getByRole('button', { name: 'By month' }).click()
    // The full period (identifiable whatever the year) and its n: the four changes above.
    expect(await lead.locator('svg .sl-chart__label').allTextContents()).toEqual(['2026-03', 'n=4'])
    expect(await lead.locator('svg .sl-chart__value').allTextContents()).toEqual(['17 h'])
    await shot(page, 'metrics')
    await page.close()
  }, TEST_MS)

  it('should list what is left before each release\'s next status, and the overdue items of one rolled back', async () => {
    const page = await open('/open-items.html')
    // hostile (planned → approved), 3.3.0 (in-progress → deployed), 3.2.0 (deployed → verified),
    // 2.4.1 (verified → closed), 2.4.0 (rolled back, overdue only); 2.3.0 is closed with nothing open.
    const records = page.locator('.sl-open-record')
    expect(await records.evaluateAll((sections) => sections.map((section) => section.getAttribute('data-release')))).toEqual([
      'security-lab/hostile',
      'web-storefront/3.3.0',
      'web-storefront/3.2.0',
      'payments-api/2.4.1',
      'payments-api/2.4.0',
    ])
    const itemsOf = (id: string) => page.locator(`.sl-open-record[data-release="${id}"] .sl-open-group__items a`)
    expect(await itemsOf('web-storefront/3.3.0').allTextContents()).toEqual(['E2E tests completed in staging'])
    expect(await itemsOf('web-storefront/3.2.0').allTextContents()).toEqual(['Full test suite executed'])
    // 2.4.1: Health Checks (verified) overdue; the sign-off and First 24 hours due at closed.
    const items = itemsOf('payments-api/2.4.1')
    expect(await items.allTextContents()).toEqual(['Cache systems operational', 'Background jobs running', 'Product Owner:', 'Error rates monitored continuously'])
    expect(await itemsOf('payments-api/2.4.0').allTextContents()).toEqual(['Monitoring alerts cleared'])
    expect(await items.nth(0).getAttribute('href')).toBe('/releases/payments-api/2.4.1.html#L73')
    await shot(page, 'open-items')
    await page.close()
  }, TEST_MS)

  it('should find releases with local search', async () => {
    const page = await open('/components/payments-api.html')
    expect(await page.locator('h1').textContent()).toBe('payments-api')
    expect(await page.locator('.sl-tile[data-figure="deploymentFrequency"] .sl-tile__value').first().textContent()).toBe('2.33 per week')
    await page.locator('.VPNavBarSearch button').click()
    await page.locator('.VPLocalSearchBox input').fill('Ledger')
    const results = page.locator('.VPLocalSearchBox .result')
    await results.first().waitFor({ timeout: 60_000 })
    const titles = await results.allInnerTexts()
    expect(titles.some((text) => text.includes('Payments API 2.4.0'))).toBe(true)
    expect(titles.some((text) => text.includes('Payments API 2.4.1'))).toBe(true)
    await shot(page, 'search')
    await page.close()
  }, TEST_MS)

  it('should show a hostile record as text and run none of it, in the browser or at build time', async () => {
    const page = await open('/releases/security-lab/hostile.html')
    const record = page.locator('.shiplog-record')
    const text = await record.innerText()
    expect(text).toContain("<script>window.__pwned = 'script-tag'</script>")
    expect(text).toContain('<img src="x" onerror="window.__pwned = \'onerror\'">')
    expect(text).toContain('{{ $options.constructor.constructor("window.__pwned = \'list\'")() }}')
    expect(text).toContain('<<< @/../../secret.txt')
    expect(await record.locator('h2').first().textContent()).toContain('Hostile record {{ 1 + 1 }}')
    expect(await page.locator('h1').first().textContent()).toContain("<script>window.__pwned='title-script'")
    expect(await record.locator('script, iframe, style, img, [v-html]').count()).toBe(0)
    const dangerous = await page.evaluate(`
      [...document.querySelectorAll('*')].flatMap((element) =>
        [...element.attributes]
          .filter((a) => /^on/i.test(a.name) || /^\\s*javascript:/i.test(a.value))
          .map((a) => element.tagName + '[' + a.name + '=' + a.value + ']'),
      )`)
    expect(dangerous).toEqual([])
    expect(await page.locator('script', { hasText: '__pwned' }).count()).toBe(0)
    for (const link of await record.locator('a').all()) {
      const href = await link.getAttribute('href')
      if (href !== null) expect(href).toMatch(/^(#|https:\/\/)/)
    }
    await page.mouse.move(300, 600)
    await page.locator('.shiplog-record p').first().click()
    expect(await pwned(page)).toBeUndefined()
    await page.evaluate('window.scrollTo(0, 0)')
    await shot(page, 'hostile')
    await page.close()

    const js = await open('/releases/security-lab/hostile-js.html')
    expect(await js.locator('.sl-callout--error').innerText()).toContain('frontmatter')
    expect(await pwned(js)).toBeUndefined()
    await js.close()

    // Nothing ran on the build machine, and nothing outside the site was pulled into it.
    expect(existsSync(marker)).toBe(false)
    expect(existsSync(`${marker}.js-frontmatter`)).toBe(false)
    const dist = join(root, 'dist')
    for (const file of listFiles(dist)) {
      const content = readFileSync(join(dist, file), 'utf8')
      expect(content, file).not.toContain('TOP-SECRET-CONTENT-42')
      expect(content, file).not.toContain('"devDependencies"')
    }
    const html = readFileSync(join(dist, 'releases/security-lab/hostile.html'), 'utf8')
    expect(html).not.toMatch(/<script[^>]*>[^<]*__pwned/)
    expect(html).not.toMatch(/<(img|iframe)[^>]*on\w+=/i)
  }, TEST_MS)

  it('should log no console errors and request nothing from the network', async () => {
    for (const path of PAGES) await (await open(path)).close()
    expect(problems).toEqual([])
    expect(external).toEqual([])
  }, TEST_MS)
})

/** One page of each type the site has. */
const PAGE_TYPES = {
  home: '/',
  components: '/components/index.html',
  component: '/components/payments-api.html',
  release: '/releases/payments-api/2.4.1.html',
  'open items': '/open-items.html',
  metrics: '/metrics.html',
  '404': '/no-such-page.html',
}

/** A desktop and a phone (the narrowest common width). */
const WIDTHS = [1440, 375]

describe.each(['light', 'dark'] as const)('every page type in %s mode', (mode) => {
  let context: BrowserContext

  beforeAll(async () => {
    context = await appearanceContext(browser, mode)
  })

  afterAll(async () => {
    await context?.close()
  })

  it.each(WIDTHS)('should fit a %i px wide screen, with one main landmark and no critical or serious axe-core finding', async (width) => {
    const failures: string[] = []
    const page = watched(await context.newPage())
    await page.setViewportSize({ width, height: 900 })
    for (const [type, path] of Object.entries(PAGE_TYPES)) {
      await visit(page, path, { notFound: type === '404' })
      expect(await page.evaluate('document.documentElement.classList.contains("dark")'), `${type}: dark class`).toBe(mode === 'dark')
      const { scrollWidth, innerWidth, culprits } = await overflowOf(page)
      if (scrollWidth > innerWidth) failures.push(`${type} (${path}): ${scrollWidth} px wide in a ${innerWidth} px window; sticking out: ${culprits.join(', ')}`)
      for (const violation of await accessibilityProblems(page, { landmarks: true })) failures.push(`${type} (${path}): ${violation}`)
    }
    await page.close()
    expect(failures, failures.join('\n')).toEqual([])
  }, 4 * TEST_MS)
})
