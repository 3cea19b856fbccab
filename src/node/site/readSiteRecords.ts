import { readFileSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import type { Project } from '../fs/loadProject.ts'
import { MAX_RECORD_BYTES, readRecords } from '../fs/readRecords.ts'
import type { ReleaseRecord } from '../../core/record/types.ts'
import type { BodyCache } from '../cache/bodyCache.ts'
import type { SiteRecord } from '../../core/site/planSite.ts'
import { recordBodyOf } from '../../core/site/recordBodyOf.ts'
import type { RenderRecordBodyOptions } from '../../core/site/renderRecordBody.ts'

/**
 * Reads and parses records (paths relative to the project root) and renders their bodies for the
 * site. `onRecord` is called after each one (progress). A body that cannot be read, or that the
 * parser refused, is null: the record's problems say why.
 */
export function readSiteRecords(
  project: Project,
  files: readonly string[],
  cache: BodyCache,
  onRecord?: (done: number, total: number) => void,
): SiteRecord[] {
  const options = { templates: project.manifests, defaultTemplate: project.config.template }
  return files.map((file, index) => {
    const [record] = readRecords(project.root, [file], options)
    if (!record) throw new Error(`no record read for ${file}`)
    const bodyHtml = siteBodyOf(project, record, cache)
    onRecord?.(index + 1, files.length)
    return { record, bodyHtml }
  })
}

// Bodies the parser refused (too big to read, or past the Markdown limits) are not rendered:
// rendering them would cost what the limits are there to prevent. The page shows the problem.
const REFUSED = new Set(['file-size', 'file-read', 'file-skipped', 'markdown'])

/** The record's body as sanitized HTML for its page, or null when it is not to be shown. */
export function siteBodyOf(project: Project, record: ReleaseRecord, cache: BodyCache): string | null {
  const markdown = siteBodyMarkdownOf(project, record)
  return markdown === null ? null : cache.render(markdown, siteBodyOptionsOf(project, record))
}

/** The Markdown body the record's page shows, or null when it is not to be shown (refused, unreadable). */
export function siteBodyMarkdownOf(project: Project, record: ReleaseRecord): string | null {
  if (record.problems.some((p) => REFUSED.has(p.ruleId))) return null
  try {
    const bytes = readFileSync(isAbsolute(record.file) ? record.file : join(project.root, record.file))
    return bytes.length > MAX_RECORD_BYTES ? null : recordBodyOf(bytes)
  } catch {
    return null
  }
}

/** How a record's body is rendered for its page: links resolved against its path and the repository. */
export function siteBodyOptionsOf(project: Project, record: ReleaseRecord): RenderRecordBodyOptions {
  const repo = project.config.site.repoUrl ? { url: project.config.site.repoUrl, branch: project.config.site.branch } : null
  return { file: record.file, repo }
}
