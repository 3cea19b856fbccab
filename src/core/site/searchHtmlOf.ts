import { escapeHtml } from './escapeHtml.ts'
import type { ComponentPage, ReleasePage } from '../../shared/pageData.ts'

function section(anchor: string, title: string, level: number, text: string): string {
  return `<h${level} id="${anchor}">${escapeHtml(title)} <a class="header-anchor" href="#${anchor}"></a></h${level}>\n<p>${escapeHtml(text)}</p>\n`
}

/**
 * What local search indexes for a release page (VitePress's search box shows its headings with
 * `v-html`: every text in it is escaped by `escapeHtml`): a compact summary (title, component,
 * environment, status, owner, file; the status also in its title), the people it names (owner,
 * sign-off names, change authors), the changes and the issues, with anchors that exist on the
 * page. Not the whole record: 1,000 full records would make a search index of many megabytes.
 */
export function releaseSearchHtml(page: ReleasePage): string {
  const s = page.summary
  const facts = [s.version, s.component, s.environment, s.status, s.releaseType, s.owner, s.file].filter((v) => v !== null).join(' · ')
  // The status is in the title: search results show titles (the text only in the detailed view).
  let html = section('shiplog-summary', s.status === null ? s.title : `${s.title} · ${s.status}`, 1, facts)
  const people = page.people ?? []
  if (people.length > 0) {
    html += section('shiplog-people', 'People', 2, people.map((p) => `${p.role}: ${p.name}`).join(' · '))
  }
  if (page.changes.length > 0) {
    html += section('shiplog-changes', 'Changes', 2, page.changes.map((c) => [c.id, c.title, c.author].filter(Boolean).join(' ')).join(' · '))
  }
  if (page.issues) {
    html += section('shiplog-issues', 'Issues encountered', 2, page.issues.rows.map((r) => r.cells.filter(Boolean).join(' ')).join(' · '))
  }
  if (page.triggers.fired.length > 0) {
    html += section('shiplog-triggers', 'Rollback triggers fired', 2, page.triggers.fired.map((t) => t.text).join(' · '))
  }
  return html
}

/** What local search indexes for a component page: its name and its releases. */
export function componentSearchHtml(page: ComponentPage): string {
  return section('shiplog-summary', page.name, 1, `Component · ${page.releases.map((r) => r.title).join(' · ')}`)
}
