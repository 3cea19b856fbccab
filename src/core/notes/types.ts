/** One section of a record's Release Notes (`## Release Notes` › `### New Features`, …). */
export interface NotesSection {
  /** The heading as written (whitespace collapsed, trailing colon dropped). */
  name: string
  /**
   * Each list item as Markdown without its bullet (continuation lines unindented): inline
   * Markdown kept, raw HTML escaped into text, images reduced to their alt text, links to
   * anything but http(s) reduced to their text. Unfilled and "None"/"N/A" items are left out.
   */
  items: string[]
}

/** One entry of the record's `changes`, ready to print. */
export interface NotesChange {
  id: string
  title: string
  /** The commit's address when the id is a commit id and the repository is known, else null. */
  url: string | null
}

/** What `shiplog notes` says about one record. */
export interface ReleaseNotes {
  /** The record's file, relative to the project. */
  file: string
  /** `release`, else `component version`, else the file name. */
  title: string
  version: string | null
  component: string | null
  /** The day people know the release by: deploy time once deployed, else `scheduled` (YYYY-MM-DD), or null. */
  date: string | null
  /** `released` when the status is a deployment status (deployed or later), `scheduled` otherwise. */
  dateKind: 'released' | 'scheduled'
  /** Sections in record order; empty ones are left out. */
  sections: NotesSection[]
  changes: NotesChange[]
}
