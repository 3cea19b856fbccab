import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadProject } from '../../src/node/fs/loadProject.ts'
import { startDevServer, type DevEvent, type DevServer } from '../../src/node/site/devServer.ts'
import type { HomePage, ReleasePage } from '../../src/shared/pageData.ts'
import { REPO_ROOT } from '../helpers/runCli.ts'
import { copyFixtureProject } from './helpers.ts'

// Runs `shiplog dev`'s server on the fixture project and edits, adds and deletes records,
// reading what the dev server serves over HTTP (and once in Chromium) after each change.

let root: string
let server: DevServer
let browser: Browser | null = null
const events: DevEvent[] = []

const record = (name: string): string => join(root, 'releases', name)
const edit = (name: string, change: (text: string) => string): void => writeFileSync(record(name), change(readFileSync(record(name), 'utf8')))

async function get(path: string): Promise<Response> {
  return fetch(new URL(path.replace(/^\//, ''), server.url), { signal: AbortSignal.timeout(10_000) })
}
async function json<T>(path: string): Promise<T> {
  const response = await get(path)
  expect(response.headers.get('content-type')).toContain('application/json')
  return (await response.json()) as T
}

beforeAll(async () => {
  root = copyFixtureProject({ hostile: false }).root
  mkdirSync(join(root, 'templates'))
  cpSync(join(REPO_ROOT, 'templates/deployment.md'), join(root, 'templates/deployment.md'))
  server = await startDevServer(await loadProject(root), { port: 0, onEvent: (event) => events.push(event) })
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  if (root) rmSync(root, { recursive: true, force: true })
})

describe('shiplog dev', () => {
  it('should serve the generated pages and their data', async () => {
    expect(events[0]).toEqual({ type: 'ready', url: server.url, records: 5 })
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    const home = await json<HomePage>('/data/home.json')
    expect(home.releases.map((r) => r.id)).toContain('payments-api/2.4.1')
    const page = await get('/releases/payments-api/2.4.1.md?import')
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Cache systems operational')
  })

  it('should update a record’s page and the aggregate data when the record is edited', async () => {
    edit('payments-api/2.4.1.md', (text) => text.replace('- [ ] Cache systems operational', '- [x] Cache systems operational'))
    await server.settled()
    const page = await json<ReleasePage>('/data/releases/payments-api/2.4.1.json')
    expect([page.summary.done, page.summary.total]).toEqual([11, 14])
    expect(page.openItems.map((i) => i.text)).toEqual(['Background jobs running'])
    expect((await json<HomePage>('/data/home.json')).totals.openItems).toBe(3)
    const source = await (await get('/releases/payments-api/2.4.1.md')).text()
    expect(source).toContain('<input type="checkbox" checked disabled> Cache systems operational')
    const update = events.findLast((e) => e.type === 'update')
    expect(update).toMatchObject({ type: 'update', changed: ['releases/payments-api/2.4.1.md'], removed: [] })
  })

  it('should write an edited record’s page data before re-planning the rest of the site', async () => {
    const from = events.length
    edit('payments-api/2.4.1.md', (text) => text.replace('- [x] Cache systems operational', '- [ ] Cache systems operational'))
    await server.settled()
    const seen = events.slice(from).filter((e) => e.type === 'record' || e.type === 'update')
    expect(seen.map((e) => e.type)).toEqual(['record', 'update'])
    expect(seen[0]).toEqual({ type: 'record', file: 'releases/payments-api/2.4.1.md', written: 'data/releases/payments-api/2.4.1.json' })
    const page = await json<ReleasePage>('/data/releases/payments-api/2.4.1.json')
    expect([page.summary.done, page.summary.total]).toEqual([10, 14])
    expect((await json<HomePage>('/data/home.json')).totals.openItems).toBe(4)
    edit('payments-api/2.4.1.md', (text) => text.replace('- [ ] Cache systems operational', '- [x] Cache systems operational'))
    await server.settled()
  })

  it('should show the change live in the browser', async () => {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] })
    const page = await browser.newPage()
    await page.goto(new URL('releases/payments-api/2.4.1.html', server.url).href, { waitUntil: 'networkidle' })
    const progress = page.locator('.sl-release .sl-progress__text').first()
    expect(await progress.textContent()).toBe('11/14 · 78%')
    edit('payments-api/2.4.1.md', (text) => text.replace('- [ ] Background jobs running', '- [x] Background jobs running'))
    await page.locator('.sl-release .sl-progress__text', { hasText: '12/14' }).first().waitFor({ timeout: 15_000 })
    expect(await page.locator('.shiplog-record input:checked').count()).toBe(12)
    await page.close()
  }, 60_000)

  it('should add the page of a new record', async () => {
    const text = readFileSync(record('payments-api/2.4.1.md'), 'utf8')
    writeFileSync(record('payments-api/2.5.0.md'), text.replace('version: "2.4.1"', 'version: "2.5.0"'))
    await server.settled()
    const page = await json<ReleasePage>('/data/releases/payments-api/2.5.0.json')
    expect(page.summary.title).toBe('Payments API 2.5.0')
    const module = await get('/releases/payments-api/2.5.0.md?import')
    expect(module.status).toBe(200)
    expect(await module.text()).toContain('Payments API 2.5.0')
    expect((await json<HomePage>('/data/home.json')).releases.map((r) => r.id)).toContain('payments-api/2.5.0')
  })

  it('should remove the page of a deleted record', async () => {
    rmSync(record('payments-api/2.3.0.md'))
    await server.settled()
    const home = await json<HomePage>('/data/home.json')
    expect(home.releases.map((r) => r.id)).not.toContain('payments-api/2.3.0')
    expect(home.totals.records).toBe(5)
    const gone = await get('/data/releases/payments-api/2.3.0.json')
    expect(gone.headers.get('content-type')).not.toContain('application/json')
  })

  it('should show a malformed record’s problem on its page and keep the rest working', async () => {
    writeFileSync(record('web-storefront/3.2.0.md'), '---\nrelease: [unclosed\nversion: 3.2.0\n---\n\n# Broken\n\n- [ ] item\n')
    await server.settled()
    const page = await json<ReleasePage>('/data/releases/web-storefront/3.2.0.json')
    expect(page.problems.filter((p) => p.severity === 'error').map((p) => p.rule)).toContain('frontmatter-yaml')
    const home = await json<HomePage>('/data/home.json')
    expect(home.releases.find((r) => r.id === 'web-storefront/3.2.0')?.errors).toBeGreaterThan(0)
    expect(home.releases.find((r) => r.id === 'payments-api/2.4.1')?.done).toBe(12)
    expect(events.filter((e) => e.type === 'error')).toEqual([])
  })

  it('should read every record again when a template changes', async () => {
    const template = join(root, 'templates/deployment.md')
    writeFileSync(template, `${readFileSync(template, 'utf8')}\n`)
    await server.settled()
    expect(events.findLast((e) => e.type === 'update')).toMatchObject({ reloadedTemplates: true })
    expect((await json<HomePage>('/data/home.json')).totals.records).toBe(5)
  })
})
