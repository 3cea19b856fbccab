import type { ReleaseRecord } from '../../core/record/types.ts'
import type { Project } from './loadProject.ts'
import { flagUnreadableTemplates, recordCacheDirOf, recordFilesOf } from './loadRecords.ts'
import { readRecords } from './readRecords.ts'
import { skippedRecords } from './skippedRecords.ts'

/** Records read and parsed at a time by `streamRecords`: what bounds its memory. */
export const STREAM_BATCH = 256

export interface StreamRecordsOptions {
  /** The current folder that relative `files` are in (default `process.cwd()`). */
  cwd?: string
  /** Use the record cache, as `loadRecords`; default true. */
  cache?: boolean
  /** Records read at a time (default `STREAM_BATCH`). */
  batch?: number
}

/**
 * The project's records one at a time, in file order, for commands that handle each record and
 * let it go (`shiplog export`): the same listing (path rule), bounded reads, record cache and
 * template checks as `loadRecords`, but read `batch` files at a time, so that memory does not grow
 * with the number of records (each batch is parsed in worker threads when it is big enough to pay
 * off, as `readRecords` decides). Skipped files (e.g. a link leaving the releases folder) come as
 * records with one `file-skipped` error, after the others. The cache is not pruned (no single
 * read sees every record).
 */
export async function* streamRecords(project: Project, files: string[] = [], options: StreamRecordsOptions = {}): AsyncGenerator<ReleaseRecord> {
  const listed = recordFilesOf(project, files, options.cwd ?? process.cwd())
  const size = Math.max(1, options.batch ?? STREAM_BATCH)
  const cacheDir = recordCacheDirOf(project, options.cache !== false)
  for (let start = 0; start < listed.files.length; start += size) {
    const records = await readRecords(project.root, listed.files.slice(start, start + size), {
      templates: project.manifests,
      defaultTemplate: project.config.template,
      cacheDir,
      prune: false,
    })
    yield* flagUnreadableTemplates(project, records)
  }
  yield* skippedRecords(listed.skipped, project.config.template)
}
