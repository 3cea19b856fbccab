import type { Root, TableCell as MdastTableCell } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { isUnfilledCell } from './isBlankCell.ts'
import { pointOf } from './pointOf.ts'
import type { Table, TableCell, TableRow } from './types.ts'
import { walkSections } from './walkSections.ts'
import { forEachNode } from './forEachNode.ts'

/**
 * Reads every GFM table of a record (FORMAT.md §3): under the nearest heading or bold label,
 * in its H2 stage, with rows keyed by the lower-cased header cells. Rows are not normalised:
 * a short row lacks keys, extra cells appear only in `list`.
 */
export function collectTables(tree: Root): Table[] {
  const tables: Table[] = []
  walkSections(tree, (block, context) => {
    forEachNode(block, 'table', (table) => {
      const [head, ...body] = table.children
      const headerCells = head ? head.children.map(readCell) : []
      const headers = headerCells.map((cell) => cell.text.toLowerCase())
      const rows = body.map((row): TableRow => {
        const list = row.children.map(readCell)
        const cells: { [header: string]: TableCell } = Object.create(null)
        list.forEach((cell, index) => {
          const header = headers[index]
          if (header !== undefined && !Object.hasOwn(cells, header)) cells[header] = cell
        })
        return { ...pointOf(row), cells, list, unfilled: list.every((cell) => isUnfilledCell(cell.text)) }
      })
      tables.push({ ...pointOf(table), heading: context.heading, stage: context.h2, headers, headerCells, rows })
    })
  })
  return tables
}

/** A cell's plain text (escaped pipes read as `|`), placed at its content (or at the cell when empty). */
function readCell(cell: MdastTableCell): TableCell {
  const first = cell.children[0]
  return { ...pointOf(first ?? cell), text: toString(cell, { includeHtml: false }).trim() }
}
