import type { PlacedMessage } from '../message/ShiplogMessage.ts'
import type { ReleaseRecord } from './types.ts'

/**
 * A record with nothing read from it: no frontmatter, status, stages, tables or placeholders; its
 * problems are given the record's file.
 */
export function emptyRecord(file: string, template: string, problems: PlacedMessage[]): ReleaseRecord {
  for (const problem of problems) problem.file = file
  return {
    file,
    frontmatter: {
      data: Object.create(null),
      fields: Object.create(null),
      paths: Object.create(null),
      startLine: null,
      endLine: null,
    },
    status: null,
    template,
    stages: [],
    tables: [],
    timeline: null,
    issues: null,
    actionItems: null,
    placeholders: [],
    problems,
  }
}
