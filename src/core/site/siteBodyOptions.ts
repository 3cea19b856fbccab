import type { ReleaseRecord } from '../record/types.ts'
import type { TemplateManifest } from '../template/types.ts'
import { bodySummaryOf } from './bodySummaryOf.ts'
import type { RenderRecordBodyOptions } from './renderRecordBody.ts'

/** The repository a site's relative links point into (`site.repoUrl`, `site.branch`), or null. */
export type SiteRepo = { url: string; branch: string } | null

/**
 * How a record's body is rendered for its page: links resolved against its path and the
 * repository, and what the page's summary shows left out of it (`bodySummaryOf`, with the
 * reference sections of the record's template: `record.template` names its manifest, as it
 * does for the tables `parseRecord` found).
 */
export function siteBodyOptions(record: ReleaseRecord, manifests: { readonly [name: string]: TemplateManifest }, repo: SiteRepo): RenderRecordBodyOptions {
  const reference = manifests[record.template]?.reference ?? []
  return { file: record.file, repo, summary: bodySummaryOf(record, reference) }
}
