import { requiredAt } from '../../lifecycle/requiredAt.ts'
import { conditionHolds } from '../../record/conditionHolds.ts'
import { normalizeName } from '../../record/normalizeName.ts'
import { ruleGroupNames, ruleNamesGroupKey, ruleNamesStageKey } from '../../record/ruleNames.ts'
import { valuePoint } from '../../record/valuePoint.ts'
import type { PlacedMessage } from '../../message/ShiplogMessage.ts'
import type { CheckRule } from '../types.ts'

/**
 * `missing-group`: a checklist group the template gates at the record's status is not in the
 * record (deleted, emptied, or its label renamed), so `status-gate` has nothing to hold it to and
 * the gate would pass on nothing. Items that do not apply stay in the record, marked `N/A` or
 * struck through.
 */
export const missingGroupRule: CheckRule = {
  id: 'missing-group',
  description: 'Every group the status requires, by the template, is present in the record.',
  severity: 'error',
  docs: [
    '**error** when a group the template gates at or before the record\'s status (e.g. `Code & Testing` at `approved`) has no items in the record:',
    'it was deleted, or its label renamed (`**While Deploying**:` for `**During Deployment**:`), so `status-gate` would have nothing to hold to the status.',
    'Reported at the stage heading, or at the `status` value when the stage is missing too. A renamed label is also pointed out by `unknown-group`.',
    'Keep the group and mark items that do not apply as `N/A` or `~~struck through~~`. Groups named `*` in the manifest, trigger groups and conditional groups whose condition does not hold',
    '(e.g. ITIL Training unless impact and urgency are both high) are not required; a condition that comes to hold later (a record re-assessed to high impact) makes its group required from its gate.',
  ].join('\n'),
  examples: {
    good: [
      '---\nstatus: planned\ntemplate: deployment\n---\n\n## Overview\n',
      '---\nstatus: approved\ntemplate: deployment\n---\n\n## Pre-Deployment Planning\n\n**Code & Testing**:\n\n- [x] Tests passing\n\n**Infrastructure**:\n\n- [x] Backups done\n\n**Documentation**:\n\n- [ ] N/A: nothing to document\n',
    ],
    bad: [
      {
        input: '---\nstatus: approved\ntemplate: deployment\n---\n\n## Pre-Deployment Planning\n\n**Code & Testing**:\n\n- [x] Tests passing\n',
        expected: [
          { line: 6, severity: 'error' },
          { line: 6, severity: 'error' },
        ],
      },
      {
        input:
          '---\nstatus: approved\ntemplate: deployment\n---\n\n## Pre-Deployment Planning\n\n**Code and Testing**:\n\n- [x] Tests passing\n\n**Infrastructure**:\n\n- [x] Backups done\n\n**Documentation**:\n\n- [x] Release notes\n',
        expected: [{ line: 6, severity: 'error' }],
      },
      {
        input: '---\nstatus: in-progress\ntemplate: deployment\n---\n\n## Overview\n\nThe checklists were deleted.\n',
        expected: [
          { line: 2, severity: 'error' },
          { line: 2, severity: 'error' },
          { line: 2, severity: 'error' },
          { line: 2, severity: 'error' },
        ],
      },
    ],
  },
  check(record, context) {
    const status = record.status
    const manifest = context.manifests[record.template]
    if (status === null || !manifest) return []
    const data = record.frontmatter.data
    const reports: PlacedMessage[] = []
    // The record's stage and group names, normalized once.
    const stages = record.stages.map((stage) => ({ stage, key: normalizeName(stage.name), groups: stage.groups.map((group) => ({ group, key: normalizeName(group.name) })) }))
    for (const rule of manifest.groups) {
      const active = rule.when ? conditionHolds(rule.when, data) : true
      if (!requiredAt({ role: rule.role, gate: rule.gate ?? null, active }, status)) continue
      const found = stages.find((candidate) => ruleNamesStageKey(rule, candidate.key))
      const stage = found?.stage
      for (const name of ruleGroupNames(rule)) {
        if (name.trim() === '*') continue
        const wanted = normalizeName(name)
        if (found?.groups.some(({ group, key }) => group.items.length > 0 && key === wanted)) continue
        // Groups of the stage that no rule names: most likely the missing one, renamed.
        const unnamed = found?.groups.filter(({ key }) => !manifest.groups.some((other) => ruleNamesGroupKey(other, found.key, key))).map(({ group }) => group) ?? []
        const hint =
          unnamed.length > 0
            ? `the stage has ${unnamed.map((group) => `\`${group.name}\``).join(', ')}, which the template does not name`
            : 'mark items that do not apply `N/A` instead of deleting them'
        reports.push(context.report(stage ? { line: stage.line, column: stage.column } : valuePoint(record, ['status']), `Unexpected missing group \`${name}\` in \`${rule.stage}\` at status \`${status}\`, expected its checklist: the template requires it from \`${rule.gate}\` (${hint})`))
      }
    }
    return reports
  },
}
