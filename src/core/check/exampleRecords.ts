import { parseRecord } from '../record/parseRecord.ts'
import type { ReleaseRecord } from '../record/types.ts'
import type { TemplateManifest } from '../template/types.ts'
import type { ExampleInput } from './types.ts'

export { EXAMPLE_TODAY } from './exampleToday.ts'

/** The file a one-record example is read as. */
export const EXAMPLE_FILE = 'releases/example.md'

/** Parses a rule example into records (one, or one per file). */
export function exampleRecords(input: ExampleInput, templates: { readonly [name: string]: TemplateManifest }): ReleaseRecord[] {
  const files = typeof input === 'string' ? { [EXAMPLE_FILE]: input } : input
  return Object.entries(files).map(([file, source]) => parseRecord(source, { file, templates, defaultTemplate: 'deployment' }))
}
