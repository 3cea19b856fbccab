import { DONE_WORDS, DUE_FORMS, readActionItems } from '../../metrics/readActionItems.ts'
// The constant alone: the example parser (`exampleRecords`) is loaded by the docs and tests only.
import { EXAMPLE_TODAY } from '../exampleToday.ts'
import type { CheckRule } from '../types.ts'

/**
 * `overdue-action-item`: a `closed` record's retrospective still has an open action item whose
 * due date has passed (on the `today` the check was given), or an action item's Due Date is not a
 * date. Closing a release is when its follow-ups are looked at; an item left open past its date is
 * what a retrospective loses.
 */
export const overdueActionItemRule: CheckRule = {
  id: 'overdue-action-item',
  description: 'A `closed` record has no open action item past its due date, and every Due Date is a date.',
  severity: 'warning',
  docs: [
    '**warning** at an Action Items row (the table the template names under `tables.action_items`, by default',
    '`Action Items`) when the record is `closed` and the item is open with a due date before today, naming the',
    'action, its owner and its due date. An item is open unless its Status starts with one of',
    `${DONE_WORDS.map((word) => `\`${word}\``).join(', ')} (case-insensitive); a blank Status, or a table without a Status column,`,
    'leaves every item open. Today is the date of the machine running `check` (its local time zone).',
    '',
    `**warning** at the cell, at any status, when a filled Due Date is not ${DUE_FORMS} (or an ISO date-time, whose`,
    'date is read): such an item can never be found overdue. Blank Due Dates (`TBD`, `-`, a placeholder) are not reported.',
    `Rows still holding only template placeholders are not action items. The examples below are checked on ${EXAMPLE_TODAY}.`,
  ].join('\n'),
  examples: {
    good: [
      '---\nstatus: closed\n---\n\n## Retrospective & Improvements\n\n### Action Items\n\n| Action | Owner | Due Date | Priority | Status |\n|--------|-------|----------|----------|--------|\n| Add canary alerts | Ana Ruiz | 2026-03-10 | high | Done |\n| Automate the rollback | Bo Chen | 2026-06-30 | medium | |\n| {{action_3}} | {{owner_3}} | {{due_3}} | {{priority_3}} | {{action_status_3}} |\n',
    ],
    bad: [
      {
        input:
          '---\nstatus: closed\n---\n\n## Retrospective & Improvements\n\n### Action Items\n\n| Action | Owner | Due Date | Priority | Status |\n|--------|-------|----------|----------|--------|\n| Add canary alerts | Ana Ruiz | 2026-03-10 | high | in progress |\n| Automate the rollback | Bo Chen | next sprint | medium | |\n',
        expected: [
          { line: 11, severity: 'warning' },
          { line: 12, severity: 'warning' },
        ],
      },
    ],
  },
  check(record, context) {
    const items = readActionItems(record, context.today)
    const heading = record.actionItems?.heading ?? 'Action Items'
    const messages = []
    for (const item of items) {
      if (item.unreadableDue) {
        messages.push(context.report(item.unreadableDue, `Unexpected Due Date \`${item.unreadableDue.text}\` in ${heading}, expected ${DUE_FORMS}`))
      }
      if (record.status === 'closed' && item.overdue) {
        const action = item.action === '' ? 'action item' : `action item \`${item.action}\``
        messages.push(
          context.report(
            item,
            `Unexpected open ${action} of ${item.owner === null ? 'no owner' : `\`${item.owner}\``} due ${item.dueDate} in a \`closed\` record (today is ${context.today}), expected its Status saying done or a later due date`,
          ),
        )
      }
    }
    return messages
  },
}
