import { readDate, readDateTime } from '../record/dateTime.ts'
import { isBlankCell } from '../record/isBlankCell.ts'
import type { Point, ReleaseRecord, TableCell } from '../record/types.ts'
import { findCell } from './findCell.ts'

/** One filled row of a record's Action Items table, read. */
export interface ActionItem extends Point {
  /** The Action cell (the row's first cell when there is no Action column); `''` when blank. */
  action: string
  /** The Owner cell, null when blank. */
  owner: string | null
  /** The Due Date cell as written, null when blank (`TBD`, `-`, a placeholder…). */
  due: string | null
  /** The Priority cell, null when blank or when the table has no Priority column. */
  priority: string | null
  /** The Status cell, null when blank or when the table has no Status column. */
  status: string | null
  /** Not done: the Status does not start with one of `DONE_WORDS` (a blank or missing Status is open). */
  open: boolean
  /** Open, and its due date is before `today` (never when `today` is not given). */
  overdue: boolean
}

export interface ReadActionItem extends ActionItem {
  /** The due date read, `YYYY-MM-DD` (the date as written for a date-time); null when blank or unreadable. */
  dueDate: string | null
  /** The Due Date cell when it is filled but is not a date: `check` reports it there. */
  unreadableDue: TableCell | null
}

/**
 * The words that close an action item when its Status starts with one (case-insensitive, followed
 * by anything: `Done 2026-03-12`); any other Status, a blank one or none at all leaves it open.
 */
export const DONE_WORDS = ['done', 'closed', 'complete', 'completed', 'resolved', 'cancelled', 'canceled', 'N/A'] as const

/** Header names read in the Action Items table (lower-cased), the first the table has winning. */
export const ACTION_ITEM_HEADERS = {
  action: ['action', 'action item', 'item'],
  owner: ['owner', 'assignee', 'who'],
  due: ['due date', 'due', 'deadline'],
  priority: ['priority'],
  status: ['status', 'state'],
} as const

export const DUE_FORMS = 'a date like `2026-03-04`'

const DONE = new RegExp(`^\\s*(?:${DONE_WORDS.map((word) => word.replace('/', '\\/')).join('|')})(?![\\p{L}\\p{N}])`, 'iu')

/**
 * Reads a record's Action Items table (the template's `tables.action_items`, by default `Action
 * Items`): per row that is not an unfilled template row, its action, owner, due date, priority and
 * status, whether it is still open, and whether it is overdue on `today` (`YYYY-MM-DD`, given by
 * the caller so that the answer does not depend on the clock). Rows without a Status column are
 * open. A filled Due Date that is not a date is kept as written and marked `unreadableDue`.
 */
export function readActionItems(record: ReleaseRecord, today: string | null = null): ReadActionItem[] {
  const table = record.actionItems
  if (!table) return []
  return table.rows
    .filter((row) => !row.unfilled)
    .map((row): ReadActionItem => {
      const text = (headers: readonly string[]): string | null => {
        const cell = findCell(row, headers)
        return cell && !isBlankCell(cell.text) ? cell.text : null
      }
      const statusCell = findCell(row, ACTION_ITEM_HEADERS.status)
      const statusText = statusCell && statusCell.text.trim() !== '' ? statusCell.text : null
      const done = statusText !== null && DONE.test(statusText)
      const dueCell = findCell(row, ACTION_ITEM_HEADERS.due)
      const due = dueCell && !isBlankCell(dueCell.text) ? dueCell.text : null
      const dueDate = due === null ? null : readDueDate(due)
      const open = !done
      const actionCell = findCell(row, ACTION_ITEM_HEADERS.action) ?? row.list[0]
      return {
        line: row.line,
        column: row.column,
        action: actionCell && !isBlankCell(actionCell.text) ? actionCell.text : '',
        owner: text(ACTION_ITEM_HEADERS.owner),
        due,
        priority: text(ACTION_ITEM_HEADERS.priority),
        status: done ? statusText : statusText !== null && !isBlankCell(statusText) ? statusText : null,
        open,
        overdue: open && dueDate !== null && today !== null && dueDate < today,
        dueDate,
        unreadableDue: due !== null && dueDate === null ? (dueCell ?? null) : null,
      }
    })
}

/** `YYYY-MM-DD` for a date, or for a date-time the date as written; null for anything else. */
function readDueDate(text: string): string | null {
  const trimmed = text.trim()
  if (readDate(trimmed)) return trimmed
  return readDateTime(trimmed) ? trimmed.slice(0, 10) : null
}
