import { readFileSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import type { Project } from '../fs/loadProject.ts'
import { MAX_RECORD_BYTES, readRecords } from '../fs/readRecords.ts'
import type { BodyCache } from './createBodyCache.ts'
import type { SiteRecord } from './planSite.ts'
import { recordBodyOf } from './recordBodyOf.ts'

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
  // Bodies the parser refused (too big to read, or past the Markdown limits) are not rendered:
  // rendering them would cost what the limits are there to prevent. The page shows the problem.
  const refused = new Set(['file-size', 'file-read', 'markdown'])
  const options = { templates: project.manifests, defaultTemplate: project.config.template }
  const repo = project.config.site.repoUrl ? { url: project.config.site.repoUrl, branch: project.config.site.branch } : null
  return files.map((file, index) => {
    const [record] = readRecords(project.root, [file], options)
    if (!record) throw new Error(`no record read for ${file}`)
    let bodyHtml: string | null = null
    if (!record.problems.some((p) => refused.has(p.rule))) {
      try {
        const bytes = readFileSync(isAbsolute(file) ? file : join(project.root, file))
        const body = bytes.length > MAX_RECORD_BYTES ? null : recordBodyOf(bytes)
        bodyHtml = body === null ? null : cache.render(body, { file, repo })
      } catch {
        bodyHtml = null
      }
    }
    onRecord?.(index + 1, files.length)
    return { record, bodyHtml }
  })
}
