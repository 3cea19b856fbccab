import { quote } from '../quote.ts'
import type { PlacedMessage } from '../../message/ShiplogMessage.ts'
import type { CheckRule } from '../types.ts'

/**
 * `table-shape`: a table row with fewer or more cells than its header.
 *
 * GFM keeps ragged rows as written: a short row leaves its last columns empty, an extra cell is
 * dropped from the keyed row. Either way a value may sit under the wrong header, often because of
 * an unescaped `|` in a cell.
 */
export const tableShapeRule: CheckRule = {
  id: 'table-shape',
  description: 'Every table row has as many cells as its header.',
  severity: 'warning',
  docs: [
    '**warning** at a row with fewer cells than the header (at the row) or more (at the first extra cell).',
    'A `|` inside a cell splits it: escape it as `\\|`, also inside code spans.',
  ].join('\n'),
  examples: {
    good: ['## Incident Response\n\n### Issues Encountered\n\n| Time | Issue | Duration |\n|------|-------|----------|\n| 14:20 | Cache `a \\| b` cold | 15m |\n'],
    bad: [
      {
        input: '## Incident Response\n\n### Issues Encountered\n\n| Time | Issue | Duration |\n|------|-------|----------|\n| 14:20 | Cache cold |\n| 14:40 | Pod | restart | 5m |\n',
        expected: [
          { line: 7, severity: 'warning' },
          { line: 8, severity: 'warning' },
        ],
      },
    ],
  },
  check(record, context) {
    const reports: PlacedMessage[] = []
    for (const table of record.tables) {
      const width = table.headers.length
      const name = table.heading ? ` in ${quote(table.heading)}` : ''
      for (const row of table.rows) {
        const count = row.list.length
        if (count === width) continue
        const extra = row.list[width]
        const at = count > width && extra ? { line: extra.line, column: extra.column } : { line: row.line, column: row.column }
        reports.push(context.report(at, `Unexpected row with ${count} ${count === 1 ? 'cell' : 'cells'}${name}, expected ${width} (one per header cell)${count > width ? ': escape `|` inside a cell as `\\|`' : ''}`))
      }
    }
    return reports
  },
}
