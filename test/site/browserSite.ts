import { join } from 'node:path'
import axe from 'axe-core'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { previewSite, type PreviewServer } from '../../src/node/site/previewSite.ts'
import { BUILD_LIMIT_MS, runCli } from '../helpers/runCli.ts'

// What every browser test of the site shares: Debian's Chromium (playwright-core never downloads
// one), a project built with the real binary and served on loopback, pages watched for console
// errors, page errors and requests that leave the site, axe-core's findings and horizontal overflow.

export const CHROMIUM = '/usr/bin/chromium'
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
/** Building a site and launching Chromium, on a busy machine (a `beforeAll` limit). */
export const SITE_SETUP_MS = BUILD_LIMIT_MS + 120_000

export interface WatchOptions {
  /** Also report console warnings (default true). */
  warnings?: boolean
  /** Console errors to let pass (e.g. the 404 page's own failed load). */
  allowConsole?: RegExp
}

export interface BrowserSite {
  preview: PreviewServer
  browser: Browser
  /** What went wrong on the pages opened since the last `reset()`. */
  problems: string[]
  /** Opens `path` of the site in a new watched page (closed by `reset()`). */
  open(path: string, viewport?: { width?: number; height?: number }): Promise<Page>
  /** Watches `page` (of any context, e.g. a dark one) and opens `path` on it. */
  visit(page: Page, path: string): Promise<Page>
  /** Closes the pages opened and returns, then forgets, the problems seen. */
  reset(): Promise<string[]>
  close(): Promise<void>
}

/** Builds the project at `root` (into `root/dist`), serves it and launches Chromium. */
export async function openBuiltSite(root: string, options: WatchOptions = {}): Promise<BrowserSite> {
  const built = runCli(['--root', root, 'build', '--quiet'], { env: { CI: '' }, timeoutMs: BUILD_LIMIT_MS })
  if (built.code !== 0) throw new Error(`shiplog build failed (${built.code}):\n${built.stderr}`)
  const preview = await previewSite(join(root, 'dist'), { port: 0 })
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  const problems: string[] = []
  const pages: Page[] = []
  const visit = async (page: Page, path: string): Promise<Page> => {
    pages.push(page)
    watchPage(page, () => path, problems, preview.url, options)
    await page.goto(siteUrl(preview, path), { waitUntil: 'networkidle' })
    await hydrated(page)
    return page
  }
  return {
    preview,
    browser,
    problems,
    visit,
    async open(path, viewport = {}) {
      return visit(await browser.newPage({ viewport: { width: viewport.width ?? 1280, height: viewport.height ?? 900 } }), path)
    },
    async reset() {
      for (const page of pages.splice(0)) await page.close()
      return problems.splice(0)
    },
    async close() {
      await browser.close()
      await preview.close()
    },
  }
}

/**
 * Waits until Vue has hydrated the page (it marks `#app` with `__vue_app__` then): only then do
 * VitePress's key handlers (Ctrl+K) and buttons answer. The network falls quiet before that on a
 * busy machine, so a key pressed at `networkidle` can go unheard.
 */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(`(() => { const app = document.querySelector('#app'); return app === null || '__vue_app__' in app })()`)
}

/** The address of `path` (`/releases/x.html`) on the preview server. */
export function siteUrl(preview: PreviewServer, path: string): string {
  return new URL(path.replace(/^\//, ''), preview.url).href
}

/** Records on `problems`, for the path the page is on, its console errors (and warnings), page errors, dialogs and requests that leave `origin`. */
export function watchPage(page: Page, pathOf: () => string, problems: string[], origin: string, options: WatchOptions = {}): Page {
  // Waits for states (navigation, elements), at most this long on a busy machine.
  page.setDefaultTimeout(60_000)
  page.on('console', (message) => {
    const type = message.type()
    if (type !== 'error' && !(type === 'warning' && options.warnings !== false)) return
    if (options.allowConsole?.test(message.text())) return
    problems.push(`${pathOf()}: console ${type}: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`${pathOf()}: page error: ${error.message}`))
  page.on('dialog', (dialog) => {
    problems.push(`${pathOf()}: dialog: ${dialog.message()}`)
    void dialog.dismiss()
  })
  page.on('request', (request) => {
    const url = request.url()
    if (!url.startsWith(origin) && !url.startsWith('data:')) problems.push(`${pathOf()}: request to ${url}`)
  })
  return page
}

/** A browser context in light or dark mode, as VitePress reads it (from localStorage, before the page renders). */
export async function appearanceContext(browser: Browser, mode: 'light' | 'dark'): Promise<BrowserContext> {
  const context = await browser.newContext({ colorScheme: mode })
  await context.addInitScript(`localStorage.setItem('vitepress-theme-appearance', '${mode}')`)
  return context
}

interface Violation {
  id: string
  impact?: string | null
  help: string
  nodes: { target: unknown[]; failureSummary?: string }[]
}

/**
 * axe-core's critical and serious findings on the page (with `landmarks`, also any about
 * landmarks: one main, one banner, each named apart), one line each: rule, element, what is wrong.
 */
export async function accessibilityProblems(page: Page, options: { landmarks?: boolean } = {}): Promise<string[]> {
  await page.evaluate(axe.source)
  const violations = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)`)) as Violation[]
  return violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious' || (options.landmarks === true && v.id.startsWith('landmark-')))
    .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id} (${v.help}) at ${JSON.stringify(n.target)}: ${(n.failureSummary ?? '').split('\n').slice(1).join(' ').trim()}`))
}

/** How far the page is wider than the window, and the elements that stick out past its right edge. */
export async function overflowOf(page: Page): Promise<{ scrollWidth: number; innerWidth: number; culprits: string[] }> {
  return page.evaluate(`(() => {
    const width = window.innerWidth
    const culprits = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > width + 0.5 && e.getClientRects().length > 0)
      .filter((e) => !e.parentElement || e.parentElement.getBoundingClientRect().right <= width + 0.5)
      .slice(0, 5)
      .map((e) => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '') + ' ' + Math.round(e.getBoundingClientRect().right) + 'px')
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, culprits }
  })()`)
}
