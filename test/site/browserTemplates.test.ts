import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../helpers/runCli.ts'
import { accessibilityProblems, appearanceContext, openBuiltSite, overflowOf, SITE_SETUP_MS, type BrowserSite } from './browserSite.ts'

// The bundled example records of every template, built with the real binary and read in headless
// Chromium: a release page of each template shows that template's stages, what is left before the
// next status and who signs off, and fits a 375 px phone in light and dark mode with nothing
// critical or serious for axe-core. Values are worked out by hand from releases/core-banking,
// releases/mobile-app and releases/data-platform.

const SHOTS = join(REPO_ROOT, 'test-results/screenshots')
/** Opening pages and reading them in Chromium, on a busy machine. */
const TEST_MS = 90_000

/** One release page of each bundled template other than deployment, in flight and at an end state. */
const PAGES = {
  'itil, in-progress': '/releases/core-banking/4.3.0.html',
  'itil, closed': '/releases/core-banking/4.2.0.html',
  'product-release, in-progress': '/releases/mobile-app/8.4.0.html',
  'product-release, verified': '/releases/mobile-app/8.3.0.html',
  'stage-gate, planned': '/releases/data-platform/3.1.0.html',
  'stage-gate, closed': '/releases/data-platform/3.0.0.html',
}

let root: string
let site: BrowserSite

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'shiplog-templates-'))
  // The bundled records alone: their templates are shiplog's own.
  cpSync(join(REPO_ROOT, 'releases'), join(root, 'releases'), { recursive: true })
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

const open = (path: string): Promise<Page> => site.open(path)

/** Each stage card's name and its timing line, whitespace collapsed. */
async function stagesOf(page: Page): Promise<Array<[string, string]>> {
  return page.locator('.sl-stage').evaluateAll((stages) =>
    stages.map((stage) => [
      (stage.querySelector('.sl-stage__name')?.textContent ?? '').trim(),
      (stage.querySelector('.sl-stage__timing')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    ]),
  )
}

/** Each sign-off group's heading as the reader sees it, whitespace collapsed, and its rows as [role, name, signed]. */
async function signoffsOf(page: Page): Promise<Array<{ heading: string; rows: string[][] }>> {
  const groups = page.locator('section.sl-signoffs .sl-signoff')
  const read: Array<{ heading: string; rows: string[][] }> = []
  for (let i = 0; i < (await groups.count()); i++) {
    const group = groups.nth(i)
    read.push({
      heading: (await group.locator('.sl-signoff__name').innerText()).replace(/\s+/g, ' ').trim(),
      rows: await group.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()))),
    })
  }
  return read
}

/** The Next panel: its title, the open groups and each open item's text and link. */
async function nextOf(page: Page): Promise<{ title: string; groups: string[]; items: Array<[string, string | null]> }> {
  const next = page.locator('section.sl-next')
  return {
    title: ((await next.locator('h2').textContent()) ?? '').trim(),
    groups: await next.locator('.sl-open-group__name').allTextContents(),
    items: await next.locator('.sl-open-group__items a').evaluateAll((links) => links.map((link) => [(link.textContent ?? '').trim(), link.getAttribute('href')] as [string, string | null])),
  }
}

describe('a release page of each bundled template, in Chromium', () => {
  it('should show an itil change in flight with its phases, Training (high impact, high urgency), what Implementation leaves and the CAB approval', async () => {
    const page = await open(PAGES['itil, in-progress'])
    expect((await stagesOf(page)).map(([name]) => name)).toEqual([
      'Release Registration and Assess',
      'Plan and Design',
      'Build and Test',
      'Training',
      'Deployment',
      'Back Out',
      'Verification and Release Closure',
    ])
    // Everything gated at approved and in-progress is done (Training and Readiness included);
    // Implementation has 1 of 3 checked.
    expect(await nextOf(page)).toEqual({
      title: 'Next: deployed — 2 left',
      groups: ['Deployment › Implementation'],
      items: [
        ['Individual changes implemented in a coordinated fashion', '#L166'],
        ['Service disruption kept within the release window', '#L168'],
      ],
    })
    expect(await signoffsOf(page)).toEqual([
      {
        heading: 'Plan and Design Approval 2/2 signed gate: approved',
        rows: [
          ['Change Advisory Board', 'Miriam Lindqvist (CAB chair, 2026-09-30)', '✓ signed'],
          ['Service Owner', 'Helen Achterberg (2026-09-30)', '✓ signed'],
        ],
      },
      {
        heading: 'Build and Test Approval 2/2 signed gate: approved',
        rows: [
          ['Test Manager', 'Olu Adeyemi (2026-10-07)', '✓ signed'],
          ['Release Manager', 'Rafael Costa (2026-10-07)', '✓ signed'],
        ],
      },
      {
        heading: 'Closure Approval 0/2 signed gate: closed',
        rows: [
          ['Release Requestor', 'Helen Achterberg', '☐ not signed'],
          ['Release Manager', 'Rafael Costa', '☐ not signed'],
        ],
      },
    ])
    expect(await page.locator('section.sl-signoffs a[href="#L109"]').textContent()).toBe('✓ signed')
    await page.screenshot({ path: join(SHOTS, 'template-itil-in-progress.png'), fullPage: true })
    await page.close()
  }, TEST_MS)

  it('should show a closed itil change without Training, every approval signed and Back Out not counted', async () => {
    const page = await open(PAGES['itil, closed'])
    // impact high, urgency medium: no Training phase.
    expect((await stagesOf(page)).map(([name]) => name)).toEqual([
      'Release Registration and Assess',
      'Plan and Design',
      'Build and Test',
      'Deployment',
      'Back Out',
      'Verification and Release Closure',
    ])
    expect(await page.locator('section.sl-next').count()).toBe(0)
    expect((await signoffsOf(page)).map((group) => group.heading)).toEqual([
      'Plan and Design Approval 2/2 signed gate: approved',
      'Build and Test Approval 2/2 signed gate: approved',
      'Closure Approval 2/2 signed gate: closed',
    ])
    const backOut = page.locator('.sl-stage', { has: page.locator('.sl-stage__name', { hasText: 'Back Out' }) })
    expect((await backOut.locator('.sl-group__count').textContent())?.replace(/\s+/g, ' ').trim()).toBe('0/5 · not counted')
    await page.close()
  }, TEST_MS)

  it('should show a product release in its canary with its seven steps, the rollback criteria as triggers and no sign-off panel', async () => {
    const page = await open(PAGES['product-release, in-progress'])
    expect((await stagesOf(page)).map(([name]) => name)).toEqual([
      'Release Branch Preparation',
      'Staging Environment Deployment',
      'Staging Validation & QA',
      'Pre-Deployment Checklist',
      'Production Deployment',
      'Post-Deployment Verification',
      'Release Finalization',
      'Rollback',
    ])
    // Steps 1–4 complete; step 5 has 3 of 7 checked (started, migrations, old version kept).
    expect(await nextOf(page)).toEqual({
      title: 'Next: deployed — 4 left',
      groups: ['Production Deployment › Checklist'],
      items: [
        ['Canary traffic routed and monitored for 15 minutes', '#L149'],
        ['No error spikes — proceed to full rollout', '#L150'],
        ['Health check and version endpoint verified', '#L152'],
        ['Deployment complete — communicated to team', '#L153'],
      ],
    })
    expect(await page.locator('section.sl-signoffs').count()).toBe(0)
    const rollback = page.locator('.sl-stage', { has: page.locator('.sl-stage__name', { hasText: 'Rollback' }) })
    expect((await rollback.locator('.sl-group__count').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim())).toEqual(['0/5 fired', '0/4 · not counted'])
    expect(await page.locator('#shiplog-triggers').count()).toBe(0)
    await page.screenshot({ path: join(SHOTS, 'template-product-release-in-progress.png'), fullPage: true })
    await page.close()
  }, TEST_MS)

  it('should show a verified product release with what Release Finalization leaves before closed', async () => {
    const page = await open(PAGES['product-release, verified'])
    expect(await nextOf(page)).toEqual({
      title: 'Next: closed — 3 left',
      groups: ['Release Finalization › Checklist'],
      items: [
        ['Release ticket closed', '#L215'],
        ['Rollback environment maintained for 24-48 hours', '#L216'],
        ['Deployment lessons learned captured', '#L217'],
      ],
    })
    await page.close()
  }, TEST_MS)

  it('should show a planned stage-gate release with each stage\'s owner and expected time, the gate left and the unsigned go/no-go', async () => {
    const page = await open(PAGES['stage-gate, planned'])
    // Release Planning ran Monday 2026-10-12 09:00–17:30: 8.5 h, 8.5 ÷ 24 = 0.35 business days.
    expect(await stagesOf(page)).toEqual([
      ['Release Planning', 'Release Manager · expected 1 day · took 0.35 business days'],
      ['Pre-Deployment Verification', 'Quality Assurance Lead · expected 1-2 days'],
      ['Deployment Execution', 'DevOps Engineer · expected 1-4 hours'],
      ['Post-Deployment Verification', 'Quality Assurance Lead · expected 2-8 hours'],
      ['Release Communication and Closure', 'Release Manager · expected 1 day'],
      ['Compliance Note', ''],
    ])
    expect(await nextOf(page)).toEqual({
      title: 'Next: approved — 6 left',
      groups: ['Pre-Deployment Verification › Outputs', 'Pre-Deployment Verification › Decision Points', 'Pre-Deployment Verification › Go/No-Go Decision'],
      items: [
        ['Staging test results', '#L113'],
        ['Go/no-go recommendation', '#L114'],
        ['Pre-deployment checklist completed', '#L115'],
        ['Have all tests passed?', '#L119'],
        ['Is the go/no-go decision approved?', '#L120'],
        ['Release Manager: Nadia Petrova', '#L127'],
      ],
    })
    expect(await signoffsOf(page)).toEqual([
      { heading: 'Go/No-Go Decision 0/1 signed gate: approved', rows: [['Release Manager', 'Nadia Petrova', '☐ not signed']] },
    ])
    await page.screenshot({ path: join(SHOTS, 'template-stage-gate-planned.png'), fullPage: true })
    await page.close()
  }, TEST_MS)

  it('should show a closed stage-gate release with how long each stage took against its expected time', async () => {
    const page = await open(PAGES['stage-gate, closed'])
    // Monday 2026-08-31 09:00–16:30 (7.5 h), Tuesday 09:00 to Wednesday 17:00 (32 h), Tuesday
    // 2026-09-08 08:00–10:40 and 10:40–16:30 (clock hours), Wednesday 09:00–15:00 (6 h).
    expect(await stagesOf(page)).toEqual([
      ['Release Planning', 'Release Manager · expected 1 day · took 0.31 business days'],
      ['Pre-Deployment Verification', 'Quality Assurance Lead · expected 1-2 days · took 1.33 business days'],
      ['Deployment Execution', 'DevOps Engineer · expected 1-4 hours · took 2.67 h'],
      ['Post-Deployment Verification', 'Quality Assurance Lead · expected 2-8 hours · took 5.83 h'],
      ['Release Communication and Closure', 'Release Manager · expected 1 day · took 0.25 business days'],
      ['Compliance Note', ''],
    ])
    expect(await page.locator('.sl-stage__over').count()).toBe(0)
    expect(await signoffsOf(page)).toEqual([
      { heading: 'Go/No-Go Decision 1/1 signed gate: approved', rows: [['Release Manager', 'Nadia Petrova (go, 2026-09-02)', '✓ signed']] },
    ])
    await page.close()
  }, TEST_MS)
})

describe.each(['light', 'dark'] as const)('the release pages of every template in %s mode', (mode) => {
  let context: BrowserContext

  beforeAll(async () => {
    context = await appearanceContext(site.browser, mode)
  })

  afterAll(async () => {
    await context?.close()
  })

  it('should fit a 375 px wide screen, with one main landmark and no critical or serious axe-core finding', async () => {
    const failures: string[] = []
    for (const [name, path] of Object.entries(PAGES)) {
      const page = await site.visit(await context.newPage(), path)
      await page.setViewportSize({ width: 375, height: 800 })
      expect(await page.evaluate('document.documentElement.classList.contains("dark")'), `${name}: dark class`).toBe(mode === 'dark')
      expect(await page.locator('main').count(), `${name}: main landmarks`).toBe(1)
      const { scrollWidth, innerWidth, culprits } = await overflowOf(page)
      if (scrollWidth > innerWidth) failures.push(`${name} (${path}): ${scrollWidth} px wide in a ${innerWidth} px window; sticking out: ${culprits.join(', ')}`)
      for (const violation of await accessibilityProblems(page)) failures.push(`${name} (${path}): ${violation}`)
      await page.close()
    }
    expect(failures, failures.join('\n')).toEqual([])
  }, 4 * TEST_MS)
})
