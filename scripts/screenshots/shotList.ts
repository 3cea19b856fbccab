import type { PickedPages } from './pickPages.ts'

/** The two screens every page is shown on, in CSS pixels (device scale 1, to keep files small). */
export const VIEWPORTS = {
  desktop: { width: 1440, height: 900 },
  mobile: { width: 375, height: 812 },
} as const

export type ViewportName = keyof typeof VIEWPORTS

/** The page types, in the order docs/site.md shows them. */
export const PAGE_TYPES = ['home', 'release-in-flight', 'release-finished', 'component', 'components', 'metrics', 'open-items', 'search', '404'] as const

export type PageType = (typeof PAGE_TYPES)[number]

/** The page types also shown in dark mode. */
export const DARK_PAGE_TYPES: readonly PageType[] = ['home', 'release-in-flight']

/** The address the 404 screenshot opens: no page of any site has it. */
export const MISSING_PATH = '/no-such-page.html'

/** One screenshot: which page, on which screen, in which mode, saved under which name. */
export interface Shot {
  page: PageType
  viewport: ViewportName
  dark: boolean
  /** The page's address without the site's base (`/metrics.html`). */
  path: string
  /** For the search shot: what to type in the search box. */
  search?: string
  /** `<page>-<desktop|mobile>[-dark].png` */
  file: string
}

/** The file a screenshot is saved as: `<page>-<desktop|mobile>[-dark].png`. */
export function shotFileName(page: PageType, viewport: ViewportName, dark: boolean): string {
  return `${page}-${viewport}${dark ? '-dark' : ''}.png`
}

/**
 * Every screenshot of the docs: each page type on the desktop and the mobile screen in light mode,
 * then the `DARK_PAGE_TYPES` in dark mode on both, each with its stable file name.
 */
export function shotList(pages: PickedPages): Shot[] {
  const paths: Record<PageType, string> = {
    home: '/',
    'release-in-flight': pages.inFlight.href,
    'release-finished': pages.finished.href,
    component: pages.component.href,
    components: '/components/',
    metrics: '/metrics.html',
    'open-items': '/open-items.html',
    search: '/',
    '404': MISSING_PATH,
  }
  const shots: Shot[] = []
  const add = (page: PageType, dark: boolean): void => {
    for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
      shots.push({ page, viewport, dark, path: paths[page], ...(page === 'search' ? { search: pages.search } : {}), file: shotFileName(page, viewport, dark) })
    }
  }
  for (const page of PAGE_TYPES) add(page, false)
  for (const page of DARK_PAGE_TYPES) add(page, true)
  return shots
}
