import { openGroupsOf } from './openGroupsOf.ts'
import { sortReleases } from './sortReleases.ts'
import type { OpenItemsPage, OpenReleaseView, ReleasePage } from '../../shared/pageData.ts'

/**
 * Every item a record's status requires that is still open, across releases, newest release first
 * (`items`, `records`); and by release (`releases`), what stands between each release and its next
 * status (`ReleasePage.next`), or in an end state the items still overdue.
 */
export function openItemsPageOf(pages: readonly ReleasePage[]): OpenItemsPage {
  const order = sortReleases(pages.map((page) => page.summary)).map((summary) => summary.file)
  const byFile = new Map(pages.map((page) => [page.summary.file, page]))
  const ordered = order.flatMap((file) => {
    const page = byFile.get(file)
    return page && page.openItems.length > 0 ? [page] : []
  })
  const releases = order.flatMap((file): OpenReleaseView[] => {
    const page = byFile.get(file)
    if (!page) return []
    const { id, href, title, status, component, owner } = page.summary
    const next = page.next
    const overdue = next ? next.overdue : openGroupsOf(page.openItems)
    const left = next ? next.left : page.openItems.length
    return left > 0 ? [{ id, href, title, status, component, owner, next: next?.next ?? null, left, overdue, due: next?.due ?? [] }] : []
  })
  return {
    releases,
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
