import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { previewSite, type PreviewServer } from '../../src/node/site/previewSite.ts'
import { BUILD_LIMIT_MS, runCli } from '../helpers/runCli.ts'
import { listFiles } from './helpers.ts'
import { writeHostileProject, type HostileProject } from './hostileProject.ts'
import { CHROMIUM, CHROMIUM_ARGS, hydrated } from './browserSite.ts'

// Builds a project whose every value is a payload (test/site/hostileProject.ts) with the real
// binary once, serves it, and visits every kind of page in Chromium with `__hit` exposed: a
// payload that ran anywhere calls it. Each test opens its own pages and checks its own hits.


let project: HostileProject
let preview: PreviewServer
let browser: Browser

beforeAll(async () => {
  project = writeHostileProject()
  const built = runCli(['--root', project.root, 'build', '--quiet'], { env: { CI: '' }, timeoutMs: BUILD_LIMIT_MS })
  if (built.code !== 0) throw new Error(`shiplog build failed (${built.code}):\n${built.stderr}`)
  preview = await previewSite(join(project.root, 'dist'), { port: 0 })
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
}, BUILD_LIMIT_MS + 120_000)

const opened: Page[] = []
afterEach(async () => {
  for (const page of opened.splice(0)) await page.close()
})

afterAll(async () => {
  await browser?.close()
  await preview?.close()
  if (project) rmSync(project.root, { recursive: true, force: true })
})

interface Visit {
  page: Page
  /** Labels of payloads that ran, dialogs opened and uncaught errors. */
  ran: string[]
}

/** Opens a page of the built site with `__hit` exposed, recording every payload that runs, dialog and page error. */
async function visit(path: string): Promise<Visit> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  opened.push(page)
  const ran: string[] = []
  await page.exposeFunction('__hit', (label: string) => ran.push(`hit ${label}`))
  page.on('dialog', (dialog) => {
    ran.push(`dialog ${dialog.message()}`)
    void dialog.dismiss()
  })
  page.on('pageerror', (error) => ran.push(`page error ${error.message}`))
  await page.goto(new URL(path.replace(/^\//, ''), preview.url).href, { waitUntil: 'networkidle' })
  await hydrated(page)
  return { page, ran }
}

/** The text the reader sees (text nodes only, never markup or attributes). */
async function shown(page: Page): Promise<string> {
  return (await page.locator('#app').textContent()) ?? ''
}

async function head(page: Page): Promise<{ title: string; description: string | null }> {
  return { title: await page.title(), description: await page.locator('meta[name="description"]').getAttribute('content') }
}

/** Every attribute that would run script (an `on…` handler, a `javascript:` URL) anywhere in the document. */
async function scriptAttributes(page: Page): Promise<string[]> {
  return page.evaluate(`
    [...document.querySelectorAll('*')].flatMap((element) =>
      [...element.attributes]
        .filter((a) => /^on/i.test(a.name) || /^\\s*javascript:/i.test(a.value))
        .map((a) => element.tagName + '[' + a.name + ']'),
    )`)
}

/** The href of the link whose text contains `text`, on Home. */
async function hrefOnHome(text: string): Promise<string> {
  const { page } = await visit('/')
  const href = await page.locator('a.sl-release-link', { hasText: text }).first().getAttribute('href')
  if (href === null) throw new Error(`no link to ${text} on Home`)
  return href
}

const value = (label: string): string => {
  const planted = project.values.get(label)
  if (planted === undefined) throw new Error(`no payload ${label}`)
  return planted
}

describe('values from records on every page, in Chromium', () => {
  it('should run nothing on Home and show titles, components and the site title as text', async () => {
    const { page, ran } = await visit('/')
    const text = await shown(page)
    expect(text).toContain(`${project.shown.release} 2.4.1`)
    expect(text).toContain(project.shown.component)
    expect(await page.locator('select[name="component"] option').allTextContents()).toContain(project.shown.component)
    expect(await page.locator('.VPNavBarTitle .title').textContent()).toBe(project.siteTitle)
    expect(await head(page)).toEqual({ title: project.siteTitle, description: `Release records, progress and DORA metrics: ${project.siteTitle}` })
    expect(await scriptAttributes(page)).toEqual([])
    expect(ran).toEqual([])
  }, 90_000)

  it('should run nothing on a release page whose shown keys, changes, tags and unknown keys are payloads, and show them as text', async () => {
    const { page, ran } = await visit('/releases/payments-api/2.4.1.html')
    const text = await shown(page)
    for (const key of ['release', 'component', 'owner', 'coordinator', 'business_owner', 'rollback_strategy', 'changeid', 'changetitle', 'changeauthor']) {
      expect(text, key).toContain(value(key))
    }
    expect(await page.locator('h1').first().textContent()).toBe(`${project.shown.release} 2.4.1`)
    expect(await head(page)).toEqual({
      title: `${project.shown.release} 2.4.1 | ${project.siteTitle}`,
      description: `${project.shown.component} · production · verified`,
    })
    // The change's `javascript:` address is not a link.
    expect(await page.locator('a', { hasText: 'changeid' }).count()).toBe(0)
    expect(await scriptAttributes(page)).toEqual([])
    expect(ran).toEqual([])
  }, 90_000)

  it('should run nothing on the page of a record in a folder and a file named with payloads, whose version, status and dates are payloads', async () => {
    const { page, ran } = await visit(await hrefOnHome('Parsed keys'))
    const text = await shown(page)
    for (const key of ['version', 'release_type', 'environment', 'status', 'scheduled', 'deployed_at', 'restored_at', 'incident']) {
      expect(text, key).toContain(value(key))
    }
    expect(text).toContain(project.parsed.file)
    expect(await head(page)).toEqual({
      title: `Parsed keys ${value('version')} | ${project.siteTitle}`,
      // A status that names no lifecycle state is no status (docs/record-format.md): not described.
      description: `parsed-keys · ${value('environment').toLowerCase()}`,
    })
    expect(await scriptAttributes(page)).toEqual([])
    expect(ran).toEqual([])
  }, 90_000)

  it('should show the title and description as text after moving to a release page within the site, too', async () => {
    const { page, ran } = await visit('/')
    await page.locator('a.sl-release-link', { hasText: 'release zz' }).first().click()
    await page.waitForURL(/\/releases\/payments-api\/2\.4\.1\.html$/)
    await page.locator('h1', { hasText: 'release zz' }).waitFor()
    expect(await head(page)).toEqual({
      title: `${project.shown.release} 2.4.1 | ${project.siteTitle}`,
      description: `${project.shown.component} · production · verified`,
    })
    expect(await scriptAttributes(page)).toEqual([])
    expect(ran).toEqual([])
  }, 90_000)

  it('should run nothing on the page of a record named with a payload, titled and described by its file name', async () => {
    const { page, ran } = await visit(await hrefOnHome('barename'))
    expect(await page.locator('h1').first().textContent()).toBe(`${project.bare.name}.md`)
    expect(await shown(page)).toContain(project.bare.file)
    expect(await head(page)).toEqual({ title: `${project.bare.name}.md | ${project.siteTitle}`, description: project.bare.file })
    expect(await scriptAttributes(page)).toEqual([])
    expect(ran).toEqual([])
  }, 90_000)

  it('should run nothing on Metrics and show the records behind the figures as text', async () => {
    const { page, ran } = await visit('/metrics.html')
    expect((await page.locator('section[data-figure="leadTime"] .sl-evidence').allTextContents()).join('\n')).toContain(`${project.shown.release} 2.4.1`)
    expect(await head(page)).toEqual({ title: `Metrics | ${project.siteTitle}`, description: `Release records, progress and DORA metrics: ${project.siteTitle}` })
    expect(await scriptAttributes(page)).toEqual([])
    expect(ran).toEqual([])
  }, 90_000)

  it('should run nothing on Open items and show release titles as text', async () => {
    const { page, ran } = await visit('/open-items.html')
    expect(await page.locator('.sl-open-record a').allTextContents()).toContain(`${project.shown.release} 2.4.1`)
    expect(await scriptAttributes(page)).toEqual([])
    expect(ran).toEqual([])
  }, 90_000)

  it('should run nothing on the components index or on a component named with a payload', async () => {
    const index = await visit('/components/')
    const link = index.page.locator('a', { hasText: 'component zz' }).first()
    expect(await link.textContent()).toBe(project.shown.component)
    const href = await link.getAttribute('href')
    expect(await scriptAttributes(index.page)).toEqual([])
    expect(index.ran).toEqual([])

    const { page, ran } = await visit(href ?? '')
    expect(await page.locator('h1').first().textContent()).toBe(project.shown.component)
    expect(await head(page)).toEqual({
      title: `${project.shown.component} | ${project.siteTitle}`,
      description: `Releases and figures of ${project.shown.component}`,
    })
    expect(await scriptAttributes(page)).toEqual([])
    expect(ran).toEqual([])
  }, 90_000)

  it('should run nothing on the 404 page', async () => {
    const { page, ran } = await visit('/no-such-page.html')
    expect(await page.locator('.VPNavBarTitle .title').textContent()).toBe(project.siteTitle)
    expect(await page.title()).toBe(`404 | ${project.siteTitle}`)
    expect(await scriptAttributes(page)).toEqual([])
    expect(ran).toEqual([])
  }, 90_000)

  it('should run nothing in local search results for a query matching the payloads, and show their titles as text', async () => {
    const { page, ran } = await visit('/')
    // (The site's long title pushes the search button out of the window: click it where it is.)
    await page.locator('.VPNavBarSearch button').dispatchEvent('click')
    await page.locator('.VPLocalSearchBox input').fill('onerror')
    const results = page.locator('.VPLocalSearchBox .result')
    await results.first().waitFor({ timeout: 60_000 })
    const titles = (await results.locator('.titles').allTextContents()).join('\n')
    expect(titles).toContain(`${project.shown.release} 2.4.1`)
    expect(titles).toContain(project.shown.component)
    // The detailed list fetches each result's page and mounts its component to cut excerpts from.
    await page.locator('.VPLocalSearchBox .toggle-layout-button').click()
    await page.locator('.VPLocalSearchBox .result .excerpt-wrapper').first().waitFor({ state: 'attached', timeout: 60_000 })
    await page.waitForLoadState('networkidle')
    expect(await scriptAttributes(page)).toEqual([])
    expect(ran).toEqual([])
  }, 90_000)
})

describe('values from records in the built files', () => {
  it('should write no payload tag, handler or javascript: link unescaped into any HTML file, and run nothing at build time', () => {
    const dist = join(project.root, 'dist')
    const html = listFiles(dist).filter((file) => file.endsWith('.html'))
    expect(html.length).toBeGreaterThanOrEqual(12)
    for (const file of html) {
      const content = readFileSync(join(dist, file), 'utf8')
      const found = (pattern: RegExp): string | null => pattern.exec(content)?.[0] ?? null
      expect(found(/<(img|svg)\b[^>]*\son\w+=/i), file).toBeNull()
      expect(found(/<script>__hit|<\/title><script>/), file).toBeNull()
      expect(found(/\s(href|src)="\s*javascript:/i), file).toBeNull()
      expect(found(/TOP-SECRET-CONTENT-42/), file).toBeNull()
    }
    expect(existsSync(project.marker)).toBe(false)
  }, 30_000)
})
