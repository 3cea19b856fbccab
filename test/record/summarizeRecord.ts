import type { Placeholder, ReleaseRecord, Table } from '../../src/core/record/index.ts'
import { problemsOf } from '../helpers/messages.ts'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/**
 * A hand-checkable view of a record, limited to the keys `expected` has (plus `problems`,
 * always compared): groups with item counts, items, tables as text, placeholders and problems.
 * Problems are compared without their message unless the expected problem has one.
 */
export function summarizeRecord(record: ReleaseRecord, expected: { [key: string]: Json }): { [key: string]: Json } {
  const full: { [key: string]: () => Json } = {
    template: () => record.template,
    stages: () => record.stages.map((stage) => ({ name: stage.name, line: stage.line, column: stage.column })),
    groups: () =>
      record.stages.flatMap((stage) =>
        stage.groups.map((group) => ({
          stage: group.stage,
          name: group.name,
          line: group.line,
          column: group.column,
          role: group.role,
          gate: group.gate,
          active: group.active,
          total: group.items.length,
          checked: group.items.filter((item) => item.checked).length,
          notApplicable: group.items.filter((item) => item.notApplicable).length,
        })),
      ),
    items: () =>
      record.stages.flatMap((stage) =>
        stage.groups.flatMap((group) =>
          group.items.map((item) => ({
            group: group.name,
            text: item.text,
            checked: item.checked,
            notApplicable: item.notApplicable,
            depth: item.depth,
            role: item.role,
            line: item.line,
            column: item.column,
          })),
        ),
      ),
    frontmatter: () => {
      const wanted = expected['frontmatter']
      const all = toJson(record.frontmatter) as { [key: string]: Json }
      if (!wanted || typeof wanted !== 'object' || Array.isArray(wanted)) return all
      return Object.fromEntries(Object.keys(wanted).map((key) => [key, all[key] ?? null]))
    },
    tables: () => record.tables.map(summarizeTable),
    timeline: () => (record.timeline ? { heading: record.timeline.heading, line: record.timeline.line } : null),
    issues: () => (record.issues ? { heading: record.issues.heading, line: record.issues.line } : null),
    placeholders: () => record.placeholders.map((placeholder: Placeholder) => toJson(placeholder)),
  }
  const summary: { [key: string]: Json } = {}
  for (const key of Object.keys(expected)) {
    if (key === 'should' || key === 'problems') continue
    const make = full[key]
    summary[key] = make ? make() : `unknown summary key ${key}`
  }
  const expectedProblems = Array.isArray(expected['problems']) ? expected['problems'] : []
  summary['problems'] = record.problems.map((problem, index) => {
    const wanted = expectedProblems[index]
    const withMessage = wanted !== null && typeof wanted === 'object' && !Array.isArray(wanted) && 'message' in wanted
    const { message, ...rest } = problemsOf([problem])[0]!
    return withMessage ? { ...rest, message } : rest
  })
  return summary
}

function summarizeTable(table: Table): Json {
  return {
    heading: table.heading,
    stage: table.stage,
    line: table.line,
    headers: table.headers,
    rows: table.rows.map((row) => ({
      line: row.line,
      cells: Object.fromEntries(Object.entries(row.cells).map(([header, cell]) => [header, cell.text])),
      list: row.list.map((cell) => cell.text),
      unfilled: row.unfilled,
    })),
  }
}

function toJson(value: unknown): Json {
  return JSON.parse(JSON.stringify(value)) as Json
}
