import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openBuiltSite, SITE_SETUP_MS, type BrowserSite } from './browserSite.ts'
import { copyFixtureProject } from './helpers.ts'

// Search, the 404 page, dates and links, read in Chromium from a built copy of the fixture project
// (without its hostile records; `site.repoUrl` https://github.com/acme/releases). The copy is a git
// repository whose one commit is dated 2026-03-10 08:00 +11:00, and 2.4.0 is changed so that it is
// scheduled at +11:00 (2026-03-09 20:00 +11:00 = 09:00 UTC), lists a commit id among its changes
// and has a sign-off by Zanele Okafor. Auth 4.0.2 (closed, 2026-02-02) is added.

const TEST_MS = 90_000
const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_COMMITTER_DATE: '2026-03-10T08:00:00+11:00', GIT_AUTHOR_DATE: '2026-03-10T08:00:00+11:00' }

let root: string
let site: BrowserSite

/** The fixture project, changed as said above, committed. */
function prepareProject(): string {
  const { root: dir } = copyFixtureProject({ hostile: false })
  const file = join(dir, 'releases/payments-api/2.4.0.md')
  const source = readFileSync(file, 'utf8')
    .replace('scheduled: "2026-03-09T09:00:00Z"', 'scheduled: "2026-03-09T20:00:00+11:00"')
    .replace('changes:\n', 'changes:\n  - id: "9f8e7d6c5b4a"\n    title: "Ledger index"\n    author: "Lindiwe Moyo"\n')
  writeFileSync(file, `${source.trimEnd()}\n\n## Post-Deployment Validation\n\n**Stakeholder Sign-off**:\n\n- [x] Product Owner: Zanele Okafor\n`)
  mkdirSync(join(dir, 'releases/auth'))
  // Same digits as 2.4.0, a shorter title: split into digits (MiniSearch's own tokenizer), it ranked first.
  writeFileSync(
    join(dir, 'releases/auth/4.0.2.md'),
    '---\ntemplate: deployment\nrelease: "Auth"\nversion: "4.0.2"\ncomponent: "auth"\nenvironment: "production"\nstatus: closed\ndeployed_at: "2026-02-02T10:00:00Z"\n---\n\n# Auth 4.0.2\n',
  )
  const git = (args: string[]): void => {
    execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'user.name=Ana Ruiz', '-c', 'user.email=dev@example.com', ...args], { cwd: dir, env: GIT_ENV, stdio: 'ignore' })
  }
  git(['init', '-q', '-b', 'main'])
  git(['add', '-A'])
  git(['commit', '-q', '-m', 'releases'])
  return dir
}

beforeAll(async () => {
  root = prepareProject()
  // The 404 page answers 404 itself: the one failed load the browser may log.
  site = await openBuiltSite(root, { warnings: false, allowConsole: /404 \(Not Found\)/ })
}, SITE_SETUP_MS)

afterEach(async () => {
  expect(await site.reset(), 'console errors, page errors or requests that left the site').toEqual([])
})

afterAll(async () => {
  await site?.close()
  if (root) rmSync(root, { recursive: true, force: true })
})

const open = (path: string): Promise<Page> => site.open(path)

/** Opens local search with `query` typed and returns the results' addresses and titles, in order. */
async function search(page: Page, query: string): Promise<Array<{ href: string; titles: string }>> {
  await page.keyboard.press('Control+k')
  const input = page.locator('#localsearch-input')
  await input.waitFor()
  await input.fill(query)
  return resultsOf(page)
}

async function resultsOf(page: Page): Promise<Array<{ href: string; titles: string }>> {
  const first = page.locator('.VPLocalSearchBox a.result').first()
  await first.waitFor()
  const list = page.locator('.VPLocalSearchBox a.result')
  return Promise.all(
    (await list.all()).map(async (a) => ({
      href: (await a.getAttribute('href')) ?? '',
      titles: ((await a.locator('.titles').textContent()) ?? '').replace(/\s+/g, ' ').trim(),
    })),
  )
}

describe('search, 404, dates and links in the built site', () => {
  it('ranks the release first when searching its version, and shows its status', async () => {
    const page = await open('/')
    const results = await search(page, '2.4.0')
    expect(results[0]?.href).toBe('/releases/payments-api/2.4.0.html#shiplog-summary')
    // VitePress shows a `#` icon before the section's title.
    expect(results[0]?.titles).toBe('#Payments API 2.4.0 · rolled-back')
  }, TEST_MS)

  it('finds the release by a sign-off name and by a change author', async () => {
    const page = await open('/')
    expect((await search(page, 'Zanele'))[0]?.href).toBe('/releases/payments-api/2.4.0.html#shiplog-people')
    await page.locator('#localsearch-input').fill('Lindiwe Moyo')
    await page.locator('.VPLocalSearchBox a.result[href="/releases/payments-api/2.4.0.html#shiplog-people"]').waitFor()
    expect((await resultsOf(page))[0]?.href).toBe('/releases/payments-api/2.4.0.html#shiplog-people')
  }, TEST_MS)

  it('shows dates in <time datetime>, links commits, the source, its edit page and the stages', async () => {
    const page = await open('/releases/payments-api/2.4.0.html')
    const release = page.locator('.sl-release')
    // Scheduled 2026-03-09T20:00:00+11:00: shown in its own offset, the instant in datetime.
    expect(await release.locator('time[datetime="2026-03-09T09:00:00.000Z"]').first().textContent()).toBe('2026-03-09 20:00 +11:00')
    expect(await release.locator('.sl-release__updated time').getAttribute('datetime')).toBe('2026-03-09T21:00:00.000Z')
    expect(await release.locator('.sl-release__updated').textContent()).toBe('Last updated 2026-03-10 08:00 +11:00')
    expect(await release.locator('.sl-changes time').first().getAttribute('datetime')).toBe('2026-03-08T22:00:00.000Z')
    expect(await release.locator('a[href="https://github.com/acme/releases/commit/9f8e7d6c5b4a"]').textContent()).toBe('9f8e7d6c5b4a')
    // PAY-110 is not a commit id: no link.
    expect(await release.locator('.sl-changes a', { hasText: 'PAY-110' }).count()).toBe(0)
    expect(await release.locator('a.sl-release__source').getAttribute('href')).toBe('https://github.com/acme/releases/blob/main/releases/payments-api/2.4.0.md')
    const edit = release.locator('a.sl-release__edit')
    expect(await edit.textContent()).toBe('Edit this record')
    expect(await edit.getAttribute('href')).toBe('https://github.com/acme/releases/edit/main/releases/payments-api/2.4.0.md')
    // Every stage's progress row links to its heading in the record below.
    const stageLinks = await release.locator('.sl-stage__name a').evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute('href')]))
    expect(stageLinks.length).toBeGreaterThan(1)
    for (const [, href] of stageLinks) {
      expect(await page.locator(`.shiplog-record [id="${(href ?? '').slice(1)}"]`).count(), href ?? '').toBe(1)
    }
    expect(stageLinks.find(([name]) => name === 'Post-Deployment Validation')?.[1]).toBe('#post-deployment-validation')
  }, TEST_MS)

  it('dates the release list on Home in <time datetime>', async () => {
    const page = await open('/')
    const rows = page.locator('.sl-release-table tbody tr')
    const row = rows.filter({ hasText: 'Payments API 2.4.0' })
    expect(await row.locator('time').getAttribute('datetime')).toBe('2026-03-09T10:00:00.000Z')
    expect(await row.locator('time').textContent()).toBe('2026-03-09')
  }, TEST_MS)

  it('offers search and the latest releases on the 404 page', async () => {
    const page = await open('/no/such/page.html')
    expect(await page.locator('.sl-not-found h1').textContent()).toBe('Page not found')
    const latest = await page.locator('.sl-not-found__list li').evaluateAll((items) =>
      items.map((li) => [li.querySelector('a')?.textContent, li.querySelector('.sl-status')?.textContent?.trim(), li.querySelector('time')?.getAttribute('datetime')]),
    )
    // Newest first by deploy time, else scheduled; each status badge is its glyph and its name.
    expect(latest.map(([title, status]) => [title, status])).toEqual([
      ['Checkout revamp 3.3.0', '◑in-progress'],
      ['Checkout revamp 3.2.0', '◕deployed'],
      ['Payments API 2.4.1', '●verified'],
      ['Payments API 2.4.0', '↺rolled-back'],
      ['Payments API 2.3.0', '■closed'],
    ])
    expect(latest[3]?.[2]).toBe('2026-03-09T10:00:00.000Z')
    const field = page.getByLabel('Search releases')
    expect(await page.locator('.sl-not-found__button').textContent()).toBe('Search')
    expect(await field.isVisible()).toBe(true)
    await field.fill('2.4.0')
    await page.locator('.sl-not-found__button').click()
    expect(await page.locator('#localsearch-input').inputValue()).toBe('2.4.0')
    expect((await resultsOf(page))[0]?.href).toBe('/releases/payments-api/2.4.0.html#shiplog-summary')
  }, TEST_MS)
})
