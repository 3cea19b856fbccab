import { readSignoff } from '../../record/readSignoff.ts'
import { quote } from '../quote.ts'
import type { PlacedMessage } from '../../message/ShiplogMessage.ts'
import type { CheckRule } from '../types.ts'

/**
 * `signoff`: at `closed`, every sign-off item (a group with the role `signoff`, such as
 * Stakeholder Sign-off) is checked and names the person after `:` (`Product Owner: Ana Ruiz`).
 *
 * An unchecked item is reported here only when `status-gate` does not already report it (when
 * the template gates the group at `closed`, it does). A name left as a placeholder is reported by
 * `unfilled-placeholder`.
 */
export const signoffRule: CheckRule = {
  id: 'signoff',
  description: 'At `closed`, each sign-off item is checked and names a person after `:`.',
  severity: 'error',
  docs: [
    '**error** at `closed` for each item of a sign-off group (role `signoff`, e.g. Stakeholder Sign-off) that does not name a person after the colon (`- [x] Product Owner: Ana Ruiz`).',
    'Empty names and stand-ins such as `TBD`, `-` or `?` do not count. Unchecked items are errors too; when the template gates the group at `closed` they are reported by `status-gate`.',
    'A name left as `{{po_signoff}}` is reported by `unfilled-placeholder`.',
  ].join('\n'),
  examples: {
    good: [
      '---\nstatus: closed\ntemplate: deployment\n---\n\n## Post-Deployment Validation\n\n**Stakeholder Sign-off**:\n\n- [x] Product Owner: Ana Ruiz\n- [x] QA Lead: Femi Adeyemi (2026-03-05)\n- [ ] ~~Security Officer: not needed for this release~~\n',
      '---\nstatus: verified\ntemplate: deployment\n---\n\n## Post-Deployment Validation\n\n**Stakeholder Sign-off**:\n\n- [ ] Product Owner:\n',
    ],
    bad: [
      {
        input: '---\nstatus: closed\ntemplate: deployment\n---\n\n## Post-Deployment Validation\n\n**Stakeholder Sign-off**:\n\n- [x] Product Owner:\n- [x] QA Lead: TBD\n- [x] Security Officer approved\n',
        expected: [
          { line: 10, severity: 'error' },
          { line: 11, severity: 'error' },
          { line: 12, severity: 'error' },
        ],
      },
    ],
  },
  check(record, context) {
    if (record.status !== 'closed') return []
    const placeholderLines = new Set(record.placeholders.filter((p) => !p.inFrontmatter).map((p) => p.line))
    const reports: PlacedMessage[] = []
    for (const stage of record.stages) {
      for (const group of stage.groups) {
        if (group.role !== 'signoff' || !group.active) continue
        for (const item of group.items) {
          if (item.notApplicable) continue
          const at = { line: item.line, column: item.column }
          // An unchecked item of a group `closed` requires is `status-gate`'s to report.
          if (!item.checked && !group.required) {
            reports.push(context.report(at, `Unexpected unchecked sign-off ${quote(item.text)} at status \`closed\`, expected it checked`))
          }
          if (placeholderLines.has(item.line)) continue
          // A blank value (`TBD`, `-`, `?`, `N/A`…) or the word `name` holds a place for a name without being one.
          const { role, name, named } = readSignoff(item.text)
          if (name === null) {
            reports.push(context.report(at, `Unexpected sign-off ${quote(item.text)} without a name, expected \`Role: Name\``))
            continue
          }
          if (!named) {
            reports.push(context.report(at, `Unexpected sign-off ${quote(item.text)} without a name, expected the person who signed: \`${role || 'Role'}: <name>\``))
          }
        }
      }
    }
    return reports
  },
}
