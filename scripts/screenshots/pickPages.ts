import type { Status } from '../../src/index.ts'

/** A row of Home's release list, as the page shows it. */
export interface ListedRelease {
  /** The release page's address, without the site's base (`/releases/payments-api/2.4.1.html`). */
  href: string
  status: string | null
  component: string | null
}

/** A link of the Components page. */
export interface ListedComponent {
  /** Without the site's base. */
  href: string
  name: string
}

/** The pages of a site that stand for a page type in the screenshots. */
export interface PickedPages {
  /** A release on its way: its stages are partly done. */
  inFlight: ListedRelease
  /** A release that is over. */
  finished: ListedRelease
  component: ListedComponent
  /** What to type in the search box: a word the site's releases hold. */
  search: string
}

/** In the order preferred: a release mid-deploy shows the most (stages running, items open). */
const IN_FLIGHT: readonly Status[] = ['in-progress', 'deployed', 'verified', 'approved', 'planned']
/** In the order preferred: closed is the ordinary end; the others only when no release closed. */
const FINISHED: readonly Status[] = ['closed', 'rolled-back', 'failed', 'cancelled']

/**
 * Picks the pages to photograph from what the site lists (Home lists releases newest first): the
 * newest release at the most preferred in-flight status, the newest at the most preferred finished
 * status, the in-flight release's component (else the first listed), and that component's name
 * to search for. Throws naming what the site lacks when it has no such release or no component.
 */
export function pickPages(releases: readonly ListedRelease[], components: readonly ListedComponent[]): PickedPages {
  const newestAt = (statuses: readonly Status[], kind: string): ListedRelease => {
    for (const status of statuses) {
      const found = releases.find((release) => release.status === status)
      if (found) return found
    }
    throw new Error(`the site lists no ${kind} release (status ${statuses.join(', ')}) on Home: the screenshots need one`)
  }
  const inFlight = newestAt(IN_FLIGHT, 'in-flight')
  const finished = newestAt(FINISHED, 'finished')
  const component = components.find((c) => c.name === inFlight.component) ?? components[0]
  if (!component) throw new Error('the site lists no component on its Components page: the screenshots need one')
  return { inFlight, finished, component, search: component.name }
}
