// `npm run screenshots [-- --site <dir> --base </path/> --out <dir> --chromium <path>]`: the
// screenshots of docs/site.md and README.md. Builds the site of this repository's example releases
// (or takes a built one, `--site`), serves it on 127.0.0.1 at a free port, opens every page type in
// headless Chromium on a desktop and a phone screen and saves `<page>-<desktop|mobile>[-dark].png`
// into docs/screenshots/. The pages are picked from what the site lists (scripts/screenshots/pickPages.ts).
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { buildSite, loadProject, previewSite, type PreviewServer } from '../src/index.ts'
import { PACKAGE_ROOT } from '../src/node/fs/packageRoot.ts'
import { pickPages, type ListedComponent, type ListedRelease } from './screenshots/pickPages.ts'
import { shotList, VIEWPORTS, type Shot } from './screenshots/shotList.ts'

/** The flags of Debian's Chromium that the browser tests use too (docs/site.md). */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
/** What the files may weigh together before the script warns (they are committed). */
const BUDGET_BYTES = 3 * 1024 * 1024
/** Applied while a screenshot is taken: nothing moves half-way (the appearance switch slides). */
const STILL = '*, *::before, *::after { transition: none !important; animation: none !important; caret-color: transparent !important }'
/** Waits for a page, a search result, at most this long. */
const WAIT_MS = 60_000

const USAGE = 'usage: npm run screenshots [-- --site <dir>] [--base </path/>] [--out <dir>] [--chromium <path>]'

/** The flags, or null (after saying why) when they are wrong. */
function readArgs() {
  try {
    return parseArgs({
      options: {
        site: { type: 'string' },
        base: { type: 'string' },
        out: { type: 'string', default: join(PACKAGE_ROOT, 'docs/screenshots') },
        chromium: { type: 'string', default: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium' },
      },
    }).values
  } catch (error) {
    process.stderr.write(`screenshots: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`)
    return null
  }
}

const say = (line: string): void => {
  process.stderr.write(`${line}\n`)
}

type Args = NonNullable<ReturnType<typeof readArgs>>

async function main(args: Args): Promise<void> {
  const executablePath = resolve(args.chromium)
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium is not at ${executablePath}: install it (Debian: apt-get install chromium) or pass --chromium <path> (or set CHROMIUM_PATH); no screenshot was changed`,
    )
  }
  const { outDir, base } = await siteToShow(args)
  const preview = await previewSite(outDir, { port: 0, base })
  const staging = mkdtempSync(join(tmpdir(), 'shiplog-screenshots-'))
  let browser: Browser | undefined
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS }).catch((error: unknown) => {
      throw new Error(`Chromium at ${executablePath} did not start: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}; no screenshot was changed`)
    })
    const shots = shotList(await pagesOf(browser, preview))
    for (const shot of shots) {
      await take(browser, preview, shot, join(staging, shot.file))
      say(`  ${shot.file}`)
    }
    publish(staging, resolve(args.out), shots)
  } finally {
    await browser?.close()
    await preview.close()
    rmSync(staging, { recursive: true, force: true })
  }
}

/** The built site: `--site` as given, else this repository's example site, built now. */
async function siteToShow(args: Args): Promise<{ outDir: string; base: string }> {
  if (args.site !== undefined) {
    const outDir = resolve(args.site)
    if (!existsSync(join(outDir, 'index.html'))) throw new Error(`${outDir} holds no built site (no index.html): pass the output folder of shiplog build`)
    return { outDir, base: args.base ?? '/' }
  }
  say('building the example site…')
  const project = await loadProject(PACKAGE_ROOT)
  const built = await buildSite(project, { quiet: true })
  return { outDir: built.outDir, base: args.base ?? project.config.site.base }
}

/** A browser context for one screen and mode, made as alike from run to run as a browser allows. */
async function contextFor(browser: Browser, viewport: Shot['viewport'], dark: boolean): Promise<BrowserContext> {
  const mode = dark ? 'dark' : 'light'
  const context = await browser.newContext({
    viewport: VIEWPORTS[viewport],
    deviceScaleFactor: 1,
    isMobile: viewport === 'mobile',
    hasTouch: viewport === 'mobile',
    colorScheme: mode,
    reducedMotion: 'reduce',
    locale: 'en-GB',
    timezoneId: 'UTC',
  })
  // VitePress reads the appearance from localStorage before the page renders.
  await context.addInitScript(`localStorage.setItem('vitepress-theme-appearance', '${mode}')`)
  return context
}

/** Opens a base-less site path and waits until nothing loads and the fonts are in. */
async function open(page: Page, preview: PreviewServer, path: string): Promise<void> {
  page.setDefaultTimeout(WAIT_MS)
  await page.goto(new URL(path.replace(/^\//, ''), preview.url).href, { waitUntil: 'networkidle', timeout: WAIT_MS })
  await page.evaluate('document.fonts.ready.then(() => undefined)')
}

/** Waits until the browser has drawn twice more, so that what the last script changed is on screen. */
async function settle(page: Page): Promise<void> {
  await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(undefined))))')
}

/** Reads Home's release list and the Components page, and picks the pages to show. */
async function pagesOf(browser: Browser, preview: PreviewServer) {
  const context = await contextFor(browser, 'desktop', false)
  try {
    const page = await context.newPage()
    const basePath = new URL(preview.url).pathname
    const baseLess = (href: string): string => (href.startsWith(basePath) ? `/${href.slice(basePath.length)}` : href)
    await open(page, preview, '/')
    const releases = await page.locator('.sl-release-table tbody tr').evaluateAll((rows) =>
      rows.map((row) => ({
        href: row.querySelector('a.sl-release-link')?.getAttribute('href') ?? '',
        status: /sl-status--([a-z-]+)/.exec(row.querySelector('.sl-status')?.className ?? '')?.[1] ?? null,
        component: row.querySelector('td')?.textContent?.trim() ?? null,
      })),
    )
    await open(page, preview, '/components/')
    const components = await page.locator('main a[href*="/components/"]').evaluateAll((links) =>
      links.map((link) => ({ href: link.getAttribute('href') ?? '', name: link.textContent?.trim() ?? '' })),
    )
    const listed: ListedRelease[] = releases.map((r) => ({ ...r, href: baseLess(r.href) }))
    const named: ListedComponent[] = components.filter((c) => c.href !== '' && c.name !== '').map((c) => ({ ...c, href: baseLess(c.href) }))
    return pickPages(listed, named)
  } finally {
    await context.close()
  }
}

/** Takes one screenshot: the screen's visible part, transitions and animations stopped, no caret. */
async function take(browser: Browser, preview: PreviewServer, shot: Shot, file: string): Promise<void> {
  const context = await contextFor(browser, shot.viewport, shot.dark)
  try {
    const page = await context.newPage()
    await open(page, preview, shot.path)
    if (shot.search !== undefined) {
      await page.locator('.VPNavBarSearch button').click()
      const input = page.locator('.VPLocalSearchBox input')
      await input.fill(shot.search)
      await page
        .locator('.VPLocalSearchBox .result')
        .first()
        .waitFor({ timeout: WAIT_MS })
        .catch(() => {
          throw new Error(`local search for "${shot.search}" showed no result within ${WAIT_MS / 1000} s; no screenshot was changed`)
        })
      await input.blur()
    }
    await settle(page)
    await page.screenshot({ path: file, animations: 'disabled', caret: 'hide', style: STILL })
  } finally {
    await context.close()
  }
}

/**
 * Copies the new screenshots over the old ones, removes PNGs of the folder that no shot makes
 * any more, and lists the files with their sizes. Only called once every shot was taken, so a
 * failed run leaves the folder as it was.
 */
function publish(staging: string, outDir: string, shots: readonly Shot[]): void {
  mkdirSync(outDir, { recursive: true })
  const files = new Set(shots.map((shot) => shot.file))
  for (const name of readdirSync(outDir)) {
    if (name.endsWith('.png') && !files.has(name)) rmSync(join(outDir, name))
  }
  let total = 0
  for (const file of files) {
    copyFileSync(join(staging, file), join(outDir, file))
    total += statSync(join(outDir, file)).size
  }
  const where = relative(process.cwd(), outDir) || '.'
  process.stdout.write(`wrote ${files.size} screenshots to ${where}: ${(total / 1024).toFixed(0)} KiB in all\n`)
  if (total > BUDGET_BYTES) say(`warning: the screenshots weigh more than ${BUDGET_BYTES / 1024 / 1024} MiB together`)
}

const args = readArgs()
if (args === null) {
  process.exitCode = 2
} else {
  try {
    await main(args)
  } catch (error) {
    process.stderr.write(`screenshots: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  }
}
