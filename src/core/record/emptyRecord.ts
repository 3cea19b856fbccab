import type { RecordProblem, ReleaseRecord } from './types.ts'

/** A record with nothing read from it: no frontmatter, status, stages, tables or placeholders. */
export function emptyRecord(file: string, template: string, problems: RecordProblem[]): ReleaseRecord {
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
    placeholders: [],
    problems,
  }
}
