import type { Root } from 'mdast'
import { parseRecord, type ParseRecordOptions } from '../record/parseRecord.ts'
import type { ReleaseRecord } from '../record/types.ts'
import { renderRecordBody } from './renderRecordBody.ts'
import { siteBodyOptions, type SiteRepo } from './siteBodyOptions.ts'

/** A record and its page's body. */
export interface RecordWithBody {
  record: ReleaseRecord
  /**
   * The body as `renderRecordBody` renders it with `siteBodyOptions`, or null when the parser
   * refused the body (too large, past the Markdown limits, unreadable) or rendering failed.
   */
  html: string | null
}

/**
 * Parses a record and renders its body for the site from the same Markdown tree: the body is
 * parsed once for both (`ParseRecordOptions.onBodyTree`). The record is `parseRecord`'s, and the
 * HTML is what `renderRecordBody` gives for the record's body (`recordBodyOf`) on its own.
 */
export function parseAndRenderRecord(source: string | Uint8Array, options: ParseRecordOptions, repo: SiteRepo): RecordWithBody {
  let body: { markdown: string; tree: Root } | null = null
  const record = parseRecord(source, { ...options, onBodyTree: (markdown, tree) => (body = { markdown, tree }) })
  const parsed = body as { markdown: string; tree: Root } | null
  if (parsed === null) return { record, html: null }
  try {
    return { record, html: renderRecordBody(parsed.markdown, siteBodyOptions(record, options.templates ?? {}, repo), parsed.tree) }
  } catch {
    return { record, html: null }
  }
}
