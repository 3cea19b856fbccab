import { groupLabeler } from '../../record/groupLabeler.ts'
import { openItemsAt } from '../../lifecycle/openItemsAt.ts'
import { quote } from '../quote.ts'
import type { CheckRule } from '../types.ts'

/**
 * `status-gate`: the record's status claims work its checklists do not show as done.
 *
 * Every item standing between the record and its status (`openItemsAt`: not checked, not struck
 * through, not `N/A`, in a group the status requires, FORMAT.md §4) is an error at the item's line.
 * Groups come from the template's manifest; inactive conditional groups (Rollback Validation
 * unless `rolled-back`) and trigger groups never gate.
 */
export const statusGateRule: CheckRule = {
  id: 'status-gate',
  description: 'Every item of a group the status requires is checked (or not applicable).',
  severity: 'error',
  docs: [
    '**error** at each open item of a group the status requires. A status requires every group gated at it or at an earlier state (FORMAT.md §4):',
    '`approved` requires Code & Testing, Infrastructure and Documentation; `in-progress` adds Pre-Deployment; `deployed` adds During Deployment; `verified` adds Post-Deployment and the validation groups; `closed` adds Stakeholder Sign-off and the post-release groups.',
    '`rolled-back` and `failed` require what `in-progress` requires (plus Rollback Validation for `rolled-back`); `cancelled` requires nothing.',
    '',
    'Struck-through items (`~~…~~`) and items starting with `N/A` are not applicable and never open. Trigger groups (Rollback Triggers) never gate.',
  ].join('\n'),
  examples: {
    good: [
      '---\nstatus: approved\ntemplate: deployment\n---\n\n## Pre-Deployment Planning\n\n**Code & Testing**:\n\n- [x] All automated tests passing\n- [ ] ~~Performance benchmarks met~~\n- [ ] N/A: no E2E suite for this component\n\n**Rollback Triggers**:\n\n- [ ] Error rate > 5%\n\n## Deployment Execution\n\n**Pre-Deployment**:\n\n- [ ] Deployment window confirmed\n',
    ],
    bad: [
      {
        input:
          '---\nstatus: approved\ntemplate: deployment\n---\n\n## Pre-Deployment Planning\n\n**Code & Testing**:\n\n- [x] All automated tests passing\n- [ ] Code review completed and approved\n  - [ ] Security sign-off\n',
        expected: [
          { line: 11, severity: 'error' },
          { line: 12, severity: 'error' },
        ],
      },
      {
        input: '---\nstatus: rolled-back\ntemplate: deployment\n---\n\n## Pre-Deployment Planning\n\n**Rollback Validation**:\n\n- [ ] Previous version functional\n',
        expected: [{ line: 10, severity: 'error' }],
      },
    ],
  },
  check(record, context) {
    const open = openItemsAt(record)
    if (open.length === 0) return []
    const label = groupLabeler(record)
    return open.map(({ group, item }) =>
      context.report(
        { line: item.line, column: item.column },
        `Unexpected open item ${quote(item.text)} at status \`${String(record.status)}\`, expected it checked or marked N/A: \`${label(group)}\` must be complete from \`${group.gate}\``,
      ),
    )
  },
}
