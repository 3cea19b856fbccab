import { parseRecord } from '../record/parseRecord.ts'
import type { ReleaseRecord } from '../record/types.ts'
import type { TemplateManifest } from '../template/types.ts'
import type { ExampleInput } from './types.ts'

/** The day rule examples are checked on (`today`), so that dates in them pass or not the same way every day. */
export const EXAMPLE_TODAY = '2026-04-01'

/** The file a one-record example is read as. */
export const EXAMPLE_FILE = 'releases/example.md'

/** Parses a rule example into records (one, or one per file). */
export function exampleRecords(input: ExampleInput, templates: { readonly [name: string]: TemplateManifest }): ReleaseRecord[] {
  const files = typeof input === 'string' ? { [EXAMPLE_FILE]: input } : input
  return Object.entries(files).map(([file, source]) => parseRecord(source, { file, templates, defaultTemplate: 'deployment' }))
}
