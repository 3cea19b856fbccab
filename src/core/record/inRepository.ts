import type { ReleaseRecord } from './types.ts'

/**
 * The records of one repository among several, each named `<repository>/<file>` (the file as
 * read, relative to its project root): how `metrics` over several project roots tells apart
 * `releases/2.4.0.md` of one repository from the same path in another, in its figures,
 * explanations and warnings, and carrying `repository`, so that what is counted once per change
 * (lead time: a change id) is counted once per repository. Shallow copies; the records given are
 * not changed.
 */
export function inRepository(records: readonly ReleaseRecord[], repository: string): ReleaseRecord[] {
  return records.map((record) => ({ ...record, file: `${repository}/${record.file}`, repository }))
}
