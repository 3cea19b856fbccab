import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../helpers/runCli.ts'
import { accessibilityProblems, appearanceContext, openBuiltSite, overflowOf, SITE_SETUP_MS, type BrowserSite } from './browserSite.ts'

// A release page puts its summary first and holds the record's own content once, in Chromium, on
// two example records of releases/ (copied, with the bundled templates): web-storefront 6.1.0 is
// in-progress with its Application deployment started at 21:15 and no end (line 161), hint text
// after Release Type, Target Environment and Rollback Strategy, and the deployment template's
// Deployment Guidelines; payments-api 2.4.0 is rolled back, its first failure-severity issue at
// 22:04 (Sev1) and restored_at 23:08, both +02:00 like its `scheduled`.

const TEST_MS = 90_000
const RUNNING = '/releases/web-storefront/6.1.0.html'
const ROLLED_BACK = '/releases/payments-api/2.4.0.html'

let root: string
let site: BrowserSite

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'shiplog-summary-'))
  for (const file of ['web-storefront/6.1.0.md', 'payments-api/2.4.0.md']) {
    mkdirSync(join(root, 'releases', file.split('/')[0] as string), { recursive: true })
    cpSync(join(REPO_ROOT, 'releases', file), join(root, 'releases', file))
  }
  site = await openBuiltSite(root)
}, SITE_SETUP_MS)

afterEach(async () => {
  expect(await site.reset(), 'console errors or page errors during the test').toEqual([])
})

afterAll(async () => {
  await site?.close()
  if (root) rmSync(root, { recursive: true, force: true })
})

/** Opens `path` in a fresh context of the colour scheme asked (closed with the page's context). */
async function open(path: string, options: { width?: number; colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const context = await appearanceContext(site.browser, options.colorScheme ?? 'light')
  const page = await context.newPage()
  await page.setViewportSize({ width: options.width ?? 1280, height: 900 })
  return site.visit(page, path)
}

/** How many tables on the page have these header texts in their first header cells. */
const tablesHeaded = async (page: Page, ...first: string[]): Promise<number> =>
  (await page.evaluate(`[...document.querySelectorAll('table')].filter((t) => {
    const headers = [...t.querySelectorAll('th')].map((th) => th.textContent.trim())
    return ${JSON.stringify(first)}.every((text, i) => headers[i] === text)
  }).length`)) as number

describe('a release page, summary first', () => {
  it('should show the timeline and issues tables once, the record section linking to the summary', async () => {
    const page = await open(RUNNING)
    expect(await tablesHeaded(page, 'Phase', 'Start Time')).toBe(1)
    expect(await tablesHeaded(page, 'Time', 'Issue')).toBe(1)
    // The summary's copies, and the notes in the record section pointing at them.
    expect(await page.locator('#shiplog-timeline').count()).toBe(1)
    expect(await page.locator('#shiplog-issues').count()).toBe(1)
    const notes = page.locator('.shiplog-record .shiplog-in-summary')
    expect(await notes.allTextContents()).toEqual([
      'Release, Component, Release Type, Target Environment, Scheduled Date, Release Coordinator and Business Owner: shown in the summary above.',
      'This table is shown once, in the summary above: Deployment Timeline.',
      'This table is shown once, in the summary above: Issues Encountered.',
    ])
    expect(await page.locator('.shiplog-record a[href="#shiplog-timeline"]').count()).toBe(1)
    // Every checklist anchor the summary links to is still in the record.
    const targets = await page.locator('.sl-release a[href^="#L"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    expect(targets.length).toBeGreaterThan(0)
    for (const href of targets) expect(await page.locator(`[id="${(href as string).slice(1)}"]`).count(), href as string).toBe(1)
    await page.context().close()
  }, TEST_MS)

  it('should show the template’s reference section collapsed under its heading, and open it on request', async () => {
    const page = await open(RUNNING)
    const reference = page.locator('.shiplog-record details.shiplog-reference')
    expect(await reference.count()).toBe(1)
    expect((await reference.locator('summary').textContent())?.trim()).toBe('Deployment Guidelines')
    expect(await reference.getAttribute('open')).toBeNull()
    const guideline = reference.getByText('Plan Thoroughly')
    expect(await guideline.isVisible()).toBe(false)
    await reference.locator('summary').click()
    expect(await guideline.isVisible()).toBe(true)
    await page.context().close()
  }, TEST_MS)

  it('should show no alternatives hint after a field value', async () => {
    const page = await open(RUNNING)
    const text = await page.locator('main').innerText()
    expect(text).not.toContain('(Major | Minor | Patch | Hotfix)')
    expect(text).not.toContain('(Staging | Production | DR)')
    expect(text).not.toContain('(Blue-Green | Canary | Rolling | Immediate)')
    // The value before the hint stays.
    expect(await page.locator('.shiplog-record p', { hasText: 'Rollback Strategy' }).textContent()).toBe('Rollback Strategy: canary')
    await page.context().close()
  }, TEST_MS)

  it('should mark the running phase of the in-progress timeline in words, in the table and the chart', async () => {
    const page = await open(RUNNING)
    const running = page.locator('#shiplog-timeline + .sl-timeline tr[data-running="running"]')
    expect(await running.count()).toBe(1)
    expect(await running.locator('td').first().innerText()).toBe('▶ running Application deployment')
    expect(await page.locator('.sl-timeline__running-label').textContent()).toBe('▶ running')
    expect(await page.locator('.sl-timeline__svg desc').textContent()).toContain('Application deployment: running since 21:15 UTC+02:00')
    await page.context().close()
  }, TEST_MS)

  it('should mark the incident and the restore on a rolled-back release’s timeline, as text', async () => {
    const page = await open(ROLLED_BACK)
    const marks = await page.locator('.sl-timeline__marks li').allInnerTexts()
    expect(marks).toEqual([
      '⚠ incident 22:04 UTC+02:00 · Incident: Authorisations fail with 5xx: per-acquirer Hikari pool exhausted (maxPoolSize 10 per acquirer)',
      '✓ restored 23:08 UTC+02:00 · Restored (restored_at)',
    ])
    expect(await page.locator('.sl-timeline__svg .sl-timeline__mark').count()).toBe(2)
    await page.context().close()
  }, TEST_MS)

  it.each(['light', 'dark'] as const)('should fit a 375 px screen with no critical or serious axe-core finding (%s)', async (colorScheme) => {
    for (const path of [RUNNING, ROLLED_BACK]) {
      const page = await open(path, { width: 375, colorScheme })
      // Open the reference section: what it holds must fit too.
      await page.locator('details.shiplog-reference summary').click()
      const { scrollWidth, innerWidth, culprits } = await overflowOf(page)
      expect(scrollWidth, `${path} is wider than the screen; sticking out: ${culprits.join(', ')}`).toBeLessThanOrEqual(innerWidth)
      expect(await accessibilityProblems(page)).toEqual([])
      await page.context().close()
    }
  }, 2 * TEST_MS)
})
