import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { loadProject } from '../../src/node/fs/loadProject.ts'
import { startDevServer, type DevEvent, type DevServer } from '../../src/node/site/devServer.ts'
import type { HomePage, ReleasePage } from '../../src/shared/pageData.ts'
import { REPO_ROOT } from '../helpers/runCli.ts'
import { copyFixtureProject } from './helpers.ts'
import { filesIn } from './filesIn.ts'
import { CHROMIUM, CHROMIUM_ARGS, hydrated } from './browserSite.ts'

// Runs `shiplog dev`'s server on a copy of the fixture project, edits, adds and deletes records,
// and reads what the dev server serves over HTTP (and once in Chromium) once the server reports it
// has processed the change (its `update` event), never after a fixed delay. One server serves
// every test (starting one, and Vite's dependency optimisation, is what costs); before each test
// the project is put back as the fixture has it, and each test makes the edits it starts from.

/** A few updates of the dev server, and Chromium, on a busy machine. */
const TEST_MS = 120_000

let root: string
/** The project as the fixture has it, never watched: what each test starts from. */
let pristine: string
let server: DevServer
let browser: Browser | null = null
/** Everything the server reported, from its start (`ready`) on. */
const events: DevEvent[] = []
const waiters: Array<{ matches: (event: DevEvent) => boolean; resolve: (event: DevEvent) => void }> = []

const record = (name: string): string => join(root, 'releases', name)
const edit = (name: string, change: (text: string) => string): void => writeFileSync(record(name), change(readFileSync(record(name), 'utf8')))

/**
 * chokidar reports a change to a file at most once per 50 ms and drops the changes in between (its
 * throttle sends no trailing event): a file written again sooner than that after the watcher
 * reported it would go unnoticed. Writes wait until this long after the last update, which follows
 * the watcher's report.
 */
const WATCHER_THROTTLE_MS = 60
let lastUpdateAt = 0

/** Makes `change` to the files, then resolves with the dev server's event that shows it was processed. */
async function processed(change: () => void, matches: (event: DevEvent) => boolean): Promise<DevEvent> {
  const since = performance.now() - lastUpdateAt
  if (since < WATCHER_THROTTLE_MS) await new Promise((resolve) => setTimeout(resolve, WATCHER_THROTTLE_MS - since))
  const seen = new Promise<DevEvent>((resolve) => waiters.push({ matches, resolve }))
  change()
  return seen
}

/** The update that read `file` (a record edited, added or deleted). */
const updated =
  (file: string) =>
  (event: DevEvent): boolean =>
    event.type === 'update' && event.changed.includes(`releases/${file}`)

/** Edits a record and waits until the dev server has processed it. */
async function editRecord(name: string, change: (text: string) => string): Promise<void> {
  await processed(() => edit(name, change), updated(name))
}

const checkCache = (text: string): string => text.replace('- [ ] Cache systems operational', '- [x] Cache systems operational')
const checkJobs = (text: string): string => text.replace('- [ ] Background jobs running', '- [x] Background jobs running')

/**
 * Puts the records and the template back as the fixture has them, and waits until the dev server
 * has read every file that changed (and reloaded the template, when it changed).
 */
async function reset(): Promise<void> {
  const releases = join(root, 'releases')
  const original = join(pristine, 'releases')
  const write = filesIn(original).filter((file) => !existsSync(join(releases, file)) || readFileSync(join(releases, file), 'utf8') !== readFileSync(join(original, file), 'utf8'))
  const remove = filesIn(releases).filter((file) => !existsSync(join(original, file)))
  const template = readFileSync(join(root, 'templates/deployment.md'), 'utf8') !== readFileSync(join(pristine, 'templates/deployment.md'), 'utf8')
  const pending = new Set([...write, ...remove].map((file) => `releases/${file}`))
  if (pending.size === 0 && !template) return
  let reloaded = !template
  const done = processed(
    () => {
      for (const file of write) writeFileSync(join(releases, file), readFileSync(join(original, file)))
      for (const file of remove) rmSync(join(releases, file))
      if (template) writeFileSync(join(root, 'templates/deployment.md'), readFileSync(join(pristine, 'templates/deployment.md')))
    },
    (event) => {
      if (event.type !== 'update') return false
      for (const file of event.changed) pending.delete(file)
      reloaded ||= event.reloadedTemplates
      return reloaded && pending.size === 0
    },
  )
  await done
}

async function get(path: string): Promise<Response> {
  return fetch(new URL(path.replace(/^\//, ''), server.url), { signal: AbortSignal.timeout(30_000) })
}
async function json<T>(path: string): Promise<T> {
  const response = await get(path)
  expect(response.headers.get('content-type')).toContain('application/json')
  return (await response.json()) as T
}

beforeAll(async () => {
  for (const copy of ['root', 'pristine'] as const) {
    const dir = copyFixtureProject({ hostile: false }).root
    mkdirSync(join(dir, 'templates'))
    cpSync(join(REPO_ROOT, 'templates/deployment.md'), join(dir, 'templates/deployment.md'))
    if (copy === 'root') root = dir
    else pristine = dir
  }
  server = await startDevServer(await loadProject(root), {
    port: 0,
    onEvent: (event) => {
      events.push(event)
      if (event.type === 'update') lastUpdateAt = performance.now()
      for (const waiter of waiters.filter((w) => w.matches(event))) {
        waiters.splice(waiters.indexOf(waiter), 1)
        waiter.resolve(event)
      }
    },
  })
}, 180_000)

beforeEach(async () => {
  await reset()
}, TEST_MS)

afterEach(async () => {
  await browser?.close()
  browser = null
})

afterAll(async () => {
  await server?.close()
  for (const dir of [root, pristine]) if (dir) rmSync(dir, { recursive: true, force: true })
}, 180_000)

describe('shiplog dev', () => {
  it('should serve the generated pages and their data', async () => {
    expect(events[0]).toEqual({ type: 'ready', url: server.url, records: 5 })
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    const home = await json<HomePage>('/data/home.json')
    expect(home.releases.map((r) => r.id)).toContain('payments-api/2.4.1')
    const page = await get('/releases/payments-api/2.4.1.md?import')
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('import body from "/data/bodies/payments-api/2.4.1.json?import"')
    const body = await json<{ html: string }>('/data/bodies/payments-api/2.4.1.json')
    expect(body.html).toContain('aria-label="Cache systems operational"> Cache systems operational')
  }, TEST_MS)

  it('should update a record’s page and the aggregate data when the record is edited', async () => {
    await editRecord('payments-api/2.4.1.md', checkCache)
    const page = await json<ReleasePage>('/data/releases/payments-api/2.4.1.json')
    expect([page.summary.done, page.summary.total]).toEqual([11, 14])
    expect(page.openItems.map((i) => i.text)).toEqual(['Background jobs running'])
    // 3.3.0, 3.2.0 and 2.4.1 in flight: 1 + 1 + 3 items left (4 before the edit); 3 overdue (4).
    expect((await json<HomePage>('/data/home.json')).totals.open).toEqual({ inFlight: 3, left: 5, overdue: 3 })
    const body = await json<{ html: string }>('/data/bodies/payments-api/2.4.1.json')
    expect(body.html).toContain('<input type="checkbox" checked disabled aria-label="Cache systems operational"> Cache systems operational')
    const update = events.findLast((e) => e.type === 'update')
    expect(update).toMatchObject({ type: 'update', changed: ['releases/payments-api/2.4.1.md'], removed: [] })
  }, TEST_MS)

  it('should write an edited record’s page data before re-planning the rest of the site', async () => {
    // From a record whose `Cache systems operational` is checked: 11 of 14 done.
    await editRecord('payments-api/2.4.1.md', checkCache)
    const from = events.length
    await editRecord('payments-api/2.4.1.md', (text) => text.replace('- [x] Cache systems operational', '- [ ] Cache systems operational'))
    const seen = events.slice(from).filter((e) => e.type === 'record' || e.type === 'update')
    expect(seen.map((e) => e.type)).toEqual(['record', 'update'])
    expect(seen[0]).toEqual({ type: 'record', file: 'releases/payments-api/2.4.1.md', written: 'data/releases/payments-api/2.4.1.json' })
    const page = await json<ReleasePage>('/data/releases/payments-api/2.4.1.json')
    expect([page.summary.done, page.summary.total]).toEqual([10, 14])
    expect((await json<HomePage>('/data/home.json')).totals.open).toEqual({ inFlight: 3, left: 6, overdue: 4 })
  }, TEST_MS)

  it('should show the change live in the browser', async () => {
    // From a record whose `Cache systems operational` is checked: 11 of 14 done.
    await editRecord('payments-api/2.4.1.md', checkCache)
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    const page = await browser.newPage()
    await page.goto(new URL('releases/payments-api/2.4.1.html', server.url).href, { waitUntil: 'networkidle' })
    await hydrated(page)
    const progress = page.locator('.sl-release .sl-progress__text').first()
    expect(await progress.textContent()).toBe('11/14 · 78%')
    edit('payments-api/2.4.1.md', checkJobs)
    await page.locator('.sl-release .sl-progress__text', { hasText: '12/14' }).first().waitFor({ timeout: 60_000 })
    expect(await page.locator('.shiplog-record input:checked').count()).toBe(12)
    await page.close()
  }, TEST_MS)

  it('should add the page of a new record', async () => {
    const text = readFileSync(record('payments-api/2.4.1.md'), 'utf8')
    await processed(() => writeFileSync(record('payments-api/2.5.0.md'), text.replace('version: "2.4.1"', 'version: "2.5.0"')), updated('payments-api/2.5.0.md'))
    const page = await json<ReleasePage>('/data/releases/payments-api/2.5.0.json')
    expect(page.summary.title).toBe('Payments API 2.5.0')
    const module = await get('/releases/payments-api/2.5.0.md?import')
    expect(module.status).toBe(200)
    expect(await module.text()).toContain('Payments API 2.5.0')
    expect((await json<HomePage>('/data/home.json')).releases.map((r) => r.id)).toContain('payments-api/2.5.0')
  }, TEST_MS)

  it('should remove the page of a deleted record', async () => {
    // From a project with a sixth record, payments-api 2.5.0.
    const text = readFileSync(record('payments-api/2.4.1.md'), 'utf8')
    await processed(() => writeFileSync(record('payments-api/2.5.0.md'), text.replace('version: "2.4.1"', 'version: "2.5.0"')), updated('payments-api/2.5.0.md'))
    await processed(() => rmSync(record('payments-api/2.3.0.md')), updated('payments-api/2.3.0.md'))
    const home = await json<HomePage>('/data/home.json')
    expect(home.releases.map((r) => r.id)).not.toContain('payments-api/2.3.0')
    expect(home.totals.records).toBe(5)
    const gone = await get('/data/releases/payments-api/2.3.0.json')
    expect(gone.headers.get('content-type')).not.toContain('application/json')
  }, TEST_MS)

  it('should show a malformed record’s problem on its page and keep the rest working', async () => {
    // From payments-api 2.4.1 with `Cache systems operational` and `Background jobs running` checked: 12 done.
    await editRecord('payments-api/2.4.1.md', (text) => checkJobs(checkCache(text)))
    await processed(
      () => writeFileSync(record('web-storefront/3.2.0.md'), '---\nrelease: [unclosed\nversion: 3.2.0\n---\n\n# Broken\n\n- [ ] item\n'),
      updated('web-storefront/3.2.0.md'),
    )
    const page = await json<ReleasePage>('/data/releases/web-storefront/3.2.0.json')
    expect(page.problems.filter((p) => p.severity === 'error').map((p) => p.rule)).toContain('frontmatter-yaml')
    const home = await json<HomePage>('/data/home.json')
    expect(home.releases.find((r) => r.id === 'web-storefront/3.2.0')?.errors).toBeGreaterThan(0)
    expect(home.releases.find((r) => r.id === 'payments-api/2.4.1')?.done).toBe(12)
    expect(events.filter((e) => e.type === 'error')).toEqual([])
  }, TEST_MS)

  it('should keep a release’s body when a new record takes its route, and give it back', async () => {
    // `Payments-API/2.4.1.md` sorts before `payments-api/2.4.1.md` (code points) and gets the route
    // `payments-api/2.4.1`; the record that had it moves to `payments-api/2.4.1-2`, whose body the
    // server let go of once written: it reads the record again for it.
    const text = readFileSync(record('payments-api/2.4.1.md'), 'utf8')
    const copy = text.replace('version: "2.4.1"', 'version: "9.9.9"').replace('- [ ] Cache systems operational', '- [ ] Cache systems operational again')
    await processed(() => {
      mkdirSync(record('Payments-API'))
      writeFileSync(record('Payments-API/2.4.1.md'), copy)
    }, updated('Payments-API/2.4.1.md'))
    const moved = await json<ReleasePage>('/data/releases/payments-api/2.4.1-2.json')
    expect([moved.summary.file, moved.summary.version]).toEqual(['releases/payments-api/2.4.1.md', '2.4.1'])
    const movedBody = await json<{ html: string }>('/data/bodies/payments-api/2.4.1-2.json')
    expect(movedBody.html).toContain('aria-label="Cache systems operational"> Cache systems operational')
    expect(await (await get('/releases/payments-api/2.4.1-2.md?import')).text()).toContain('import body from "/data/bodies/payments-api/2.4.1-2.json?import"')
    const taken = await json<ReleasePage>('/data/releases/payments-api/2.4.1.json')
    expect([taken.summary.file, taken.summary.version]).toEqual(['releases/Payments-API/2.4.1.md', '9.9.9'])
    expect((await json<{ html: string }>('/data/bodies/payments-api/2.4.1.json')).html).toContain('Cache systems operational again')

    // Deleted again: the record moves back to its route, with its body; the route it borrowed is gone.
    const update = await processed(() => rmSync(record('Payments-API/2.4.1.md')), updated('Payments-API/2.4.1.md'))
    const back = await json<{ html: string }>('/data/bodies/payments-api/2.4.1.json')
    expect(back.html).toContain('aria-label="Cache systems operational"> Cache systems operational')
    expect(back.html).not.toContain('again')
    expect(update).toMatchObject({ removed: expect.arrayContaining(['releases/payments-api/2.4.1-2.md', 'data/releases/payments-api/2.4.1-2.json', 'data/bodies/payments-api/2.4.1-2.json']) })
    expect((await get('/data/bodies/payments-api/2.4.1-2.json')).headers.get('content-type')).not.toContain('application/json')
    expect(events.filter((e) => e.type === 'error')).toEqual([])
  }, TEST_MS)

  it('should read every record again when a template changes', async () => {
    const template = join(root, 'templates/deployment.md')
    await processed(
      () => writeFileSync(template, `${readFileSync(template, 'utf8')}\n`),
      (event) => event.type === 'update' && event.reloadedTemplates,
    )
    expect(events.findLast((e) => e.type === 'update')).toMatchObject({ reloadedTemplates: true })
    expect((await json<HomePage>('/data/home.json')).totals.records).toBe(5)
  }, TEST_MS)
})
