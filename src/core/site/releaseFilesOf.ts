import type { ReleaseRecord } from '../record/types.ts'
import type { ReleasePage } from '../../shared/pageData.ts'
import { pageSource } from './pageSource.ts'
import { recordBodyDataOf } from './recordBodyDataOf.ts'
import { releasePageOf } from './releasePageOf.ts'
import { releaseSearchHtml } from './searchHtmlOf.ts'

/** What a release's files depend on besides its record and body. */
export interface ReleaseFilesOptions {
  /** The release's route id (`releaseRoutes`). */
  id: string
  /** The repository its source links point into, or null. */
  repo: { url: string; branch: string } | null
  /** The configured display `timezone`, or null. */
  timeZone: string | null
  /** When the record's file was last committed (ISO), or null. */
  lastUpdated: string | null
  /** The repository label of a site over several repositories, or null. */
  repository: string | null
}

/** A release's generated files (path in the generated folder → content, data before the page that imports it) and its page. */
export interface ReleaseFiles {
  files: Array<[string, string]>
  page: ReleasePage
}

/**
 * A release's page data: the JSON file its page imports (path in the generated folder, content)
 * and the page it holds. The dev server writes it on its own, before the rest of a save's update.
 */
export function releaseDataOf(
  record: ReleaseRecord,
  id: string,
  repo: ReleaseFilesOptions['repo'],
  timeZone: string | null = null,
  lastUpdated: string | null = null,
  repository: string | null = null,
): { path: string; content: string; page: ReleasePage } {
  const page = releasePageOf(record, { id, repo, timeZone, lastUpdated, repository })
  return { path: `data/releases/${id}.json`, content: `${JSON.stringify(page)}\n`, page }
}

/**
 * What decides a release's files besides its record and body: a release planned under the same
 * key and the same record and body has the same files.
 */
export function releaseFilesKey(options: ReleaseFilesOptions): string {
  return JSON.stringify([options.id, options.repo, options.timeZone, options.lastUpdated, options.repository])
}

const RELEASE_MARKUP = '<ShiplogRelease :page="page" />'
/** The record's body, from its `data/bodies/` module (`recordBodyDataOf`). */
const RECORD_BODY_MARKUP = '<div class="shiplog-record" v-html="body.html"></div>'

export const PAGE_DEFAULTS = { sidebar: false, editLink: false, lastUpdated: false, prev: false, next: false }

/**
 * The generated files of one release: its page data, its body (sanitized HTML as data, when the
 * body could be read: `bodyHtml` not null), its search text and its page, which imports the two
 * data files. `record.file` is the record's path in its own repository.
 */
export function releaseFilesOf(record: ReleaseRecord, bodyHtml: string | null, options: ReleaseFilesOptions): ReleaseFiles {
  const { id } = options
  const data = releaseDataOf(record, id, options.repo, options.timeZone, options.lastUpdated, options.repository)
  const page = data.page
  const up = '../'.repeat(id.split('/').length)
  const s = page.summary
  const body = bodyHtml === null ? null : recordBodyDataOf(id, bodyHtml)
  const files: Array<[string, string]> = [
    [data.path, data.content],
    ...(body === null ? [] : [[body.path, body.content] as [string, string]]),
    [`data/search/releases/${id}.txt`, releaseSearchHtml(page)],
    [
      `releases/${id}.md`,
      pageSource({
        frontmatter: {
          title: s.title,
          description: [s.component, s.environment, s.status].filter((v) => v !== null).join(' · ') || s.file,
          layout: 'doc',
          outline: [2, 3],
          pageClass: 'shiplog-release-page',
          ...PAGE_DEFAULTS,
        },
        imports: body === null ? { page: `${up}${data.path}` } : { page: `${up}${data.path}`, body: `${up}${body.path}` },
        markup: body === null ? RELEASE_MARKUP : `${RELEASE_MARKUP}\n\n${RECORD_BODY_MARKUP}`,
      }),
    ],
  ]
  return { files, page }
}
