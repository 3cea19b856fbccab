import type { ParseRecordOptions } from '../../core/record/parseRecord.ts'
import type { ReleaseRecord } from '../../core/record/types.ts'

/**
 * How a read renders the bodies of the records it parses for the site, in the same pass, from the
 * parser's own tree (decision 16): `parse` in this thread (`parseAndRenderRecord`), the worker
 * module `worker` (siteParseWorker.js, as a URL's text) in worker threads, with links into `repo`.
 * Each body rendered is reported through `onBody`. The records are the ones `parseRecord` gives.
 */
export interface SiteParse {
  parse: (bytes: Uint8Array, options: ParseRecordOptions) => { record: ReleaseRecord; html: string | null }
  worker: string
  repo: { url: string; branch: string } | null
  onBody: (index: number, html: string) => void
}
