import { sortReleases } from './sortReleases.ts'
import type { OpenItemsPage, ReleasePage } from '../../shared/pageData.ts'

/** Every item a record's status requires that is still open, across releases, newest release first. */
export function openItemsPageOf(pages: readonly ReleasePage[]): OpenItemsPage {
  const order = sortReleases(pages.map((page) => page.summary)).map((summary) => summary.file)
  const byFile = new Map(pages.map((page) => [page.summary.file, page]))
  const ordered = order.flatMap((file) => {
    const page = byFile.get(file)
    return page && page.openItems.length > 0 ? [page] : []
  })
  return {
    items: ordered.flatMap((page) => page.openItems),
    records: ordered.map((page) => ({
      id: page.summary.id,
      href: page.summary.href,
      title: page.summary.title,
      status: page.summary.status,
      component: page.summary.component,
      count: page.openItems.length,
    })),
  }
}
