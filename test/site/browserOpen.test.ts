import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../helpers/runCli.ts'
import { openBuiltSite, SITE_SETUP_MS, type BrowserSite } from './browserSite.ts'

// What is left and who signs off, in Chromium, on test/fixtures/site/inflight: search 4.0.0 is
// in-progress (next: deployed; overdue: Code review at line 20, Stakeholders notified at 35; due:
// Application deployed at 41, Health checks passing at 42; sign-off 1 of 3, one struck out),
// 3.9.1 is rolled back with Monitoring alerts cleared (line 26) open, 3.9.0 is closed. Values
// worked out by hand, as in test/site/nextStep.test.ts.

const TEST_MS = 90_000

let root: string
let site: BrowserSite

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'shiplog-open-'))
  cpSync(join(REPO_ROOT, 'test/fixtures/site/inflight'), root, { recursive: true })
  site = await openBuiltSite(root)
  mkdirSync(join(REPO_ROOT, 'test-results/screenshots'), { recursive: true })
}, SITE_SETUP_MS)

afterEach(async () => {
  expect(await site.reset(), 'console errors or page errors during the test').toEqual([])
})

afterAll(async () => {
  await site?.close()
  if (root) rmSync(root, { recursive: true, force: true })
})

const open = (path: string): Promise<Page> => site.open(path)

describe('what is left and who signs off, in Chromium', () => {
  it('should show on a release page what is left before its next status, overdue items apart, each linked to its item', async () => {
    const page = await open('/releases/search/4.0.0.html')
    const next = page.locator('section.sl-next')
    expect(await next.locator('h2').textContent()).toBe('Next: deployed — 4 left')
    expect(await next.locator('h3').allTextContents()).toEqual(['Overdue: already required at “in-progress”', 'Due at “deployed”'])
    expect(await next.locator('.sl-open-group__name').allTextContents()).toEqual([
      'Pre-Deployment Planning › Code & Testing',
      'Deployment Execution › Pre-Deployment',
      'Deployment Execution › During Deployment',
    ])
    const items = next.locator('.sl-open-group__items a')
    expect(await items.allTextContents()).toEqual(['Code review completed and approved', 'Stakeholders notified', 'Application deployed', 'Health checks passing'])
    expect(await items.evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual(['#L20', '#L35', '#L41', '#L42'])
    await items.nth(2).click()
    expect(page.url()).toMatch(/#L41$/)
    expect(await page.locator('#L41').textContent()).toContain('Application deployed')
    await page.screenshot({ path: join(REPO_ROOT, 'test-results/screenshots/release-next-signoff.png'), fullPage: true })
    await page.close()
  }, TEST_MS)

  it('should show the sign-off panel with each role, the name as written and whether it is signed', async () => {
    const page = await open('/releases/search/4.0.0.html')
    const panel = page.locator('section.sl-signoffs')
    expect(await panel.locator('.sl-signoff__name').innerText()).toMatch(/^Stakeholder Sign-off\s+1\/3 signed\s+gate: closed$/)
    const rows = panel.locator('tbody tr')
    const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim())))
    expect(cells).toEqual([
      ['Product Owner', 'Ana Ruiz (2026-03-05)', '✓ signed'],
      ['QA Lead', 'TBD no name yet', '☐ not signed'],
      ['Security Officer', '— no name yet', '☐ not signed'],
      ['Infrastructure Lead', 'not needed', '– not needed'],
    ])
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-signed')))).toEqual(['signed', 'not signed', 'not signed', 'not needed'])
    await page.close()
  }, TEST_MS)

  it('should list on Open items each release with its status, next status and items, newest first', async () => {
    const page = await open('/open-items.html')
    expect(await page.locator('.sl-lede').innerText()).toContain('5 items left in 2 releases, 3 of them overdue.')
    const records = page.locator('.sl-open-record')
    expect(await records.evaluateAll((sections) => sections.map((section) => section.getAttribute('data-release')))).toEqual(['search/4.0.0', 'search/3.9.1'])
    const first = records.nth(0)
    expect(await first.locator('h2 .sl-status').textContent()).toContain('in-progress')
    expect(await first.locator('.sl-open-record__next').textContent()).toBe('→ deployed')
    expect(await first.locator('.sl-open-record__count').textContent()).toBe('4 left')
    expect(await first.locator('.sl-open-record__owner').textContent()).toBe('Owner: Dana Kim')
    const links = first.locator('.sl-open-group__items a')
    expect(await links.allTextContents()).toEqual(['Code review completed and approved', 'Stakeholders notified', 'Application deployed', 'Health checks passing'])
    expect(await links.first().getAttribute('href')).toBe('/releases/search/4.0.0.html#L20')
    const second = records.nth(1)
    expect(await second.locator('.sl-open-record__next').count()).toBe(0)
    expect(await second.locator('.sl-open-record__count').textContent()).toBe('1 overdue')
    expect(await second.locator('.sl-open-group__items a').allTextContents()).toEqual(['Monitoring alerts cleared'])
    await page.screenshot({ path: join(REPO_ROOT, 'test-results/screenshots/open-items-by-release.png'), fullPage: true })
    await page.close()
  }, TEST_MS)

  it('should give the release tables a Next and an Owner column, on Home and on a component page', async () => {
    for (const path of ['/', '/components/search.html']) {
      const page = await open(path)
      expect(await page.locator('.sl-release-table thead th').allTextContents()).toEqual(['Release', 'Component', 'Environment', 'Status', 'Date', 'Progress', 'Open', 'Next', 'Owner'])
      const rows = page.locator('.sl-release-table tbody tr')
      const cells = await rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-release'), tr.children[7]?.textContent?.trim(), tr.children[8]?.textContent?.trim()]))
      expect([path, cells]).toEqual([
        path,
        [
          ['search/4.0.0', 'deployed — 4 left', 'Dana Kim'],
          ['search/3.9.1', '—', 'Lee Park'],
          ['search/3.9.0', '—', 'Lee Park'],
        ],
      ])
      await page.close()
    }
  }, TEST_MS)
})
