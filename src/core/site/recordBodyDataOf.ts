import { inertRecordHtml } from './inertRecordHtml.ts'

/** What a release page imports to show its record: the body's HTML, for `v-html`. */
export interface RecordBodyData {
  html: string
}

/**
 * A release's body as its page imports it: `data/bodies/<id>.json`, holding the sanitized
 * single-line HTML (`renderRecordBody`, or the body cache) made inert here, where it enters the
 * site, whichever it came from (`inertRecordHtml`: HTML that could close the page's
 * `<div class="shiplog-record">` early, or that does not have the renderer's shape, is shown as
 * text). The page shows it with `v-html`: the body is data, never part of a page's source, so
 * neither markdown-it nor Vue's template compiler reads it, and a build compiles one small
 * module per release instead of a template of the whole record (decision 15).
 */
export function recordBodyDataOf(id: string, bodyHtml: string): { path: string; content: string } {
  const data: RecordBodyData = { html: inertRecordHtml(bodyHtml) }
  return { path: `data/bodies/${id}.json`, content: `${JSON.stringify(data)}\n` }
}
