import { normalizeName } from '../../record/normalizeName.ts'
import { ruleGroupNames, ruleNamesGroupKey, ruleNamesStageKey } from '../../record/ruleNames.ts'
import type { PlacedMessage } from '../../message/ShiplogMessage.ts'
import type { CheckRule } from '../types.ts'

/**
 * `unknown-group`: a checklist group in a stage the template names, under a name no rule of the
 * template gives: no role, no gate, never required. Most often a renamed label
 * (`**While Deploying**:`), whose required original `missing-group` then reports.
 */
export const unknownGroupRule: CheckRule = {
  id: 'unknown-group',
  description: 'Every checklist group in a stage the template names is a group the template names.',
  severity: 'warning',
  docs: [
    '**warning** at a group with items, in a stage the record\'s template names, whose name no rule of the template gives (names compare case-insensitively, whitespace collapsed, trailing colon dropped).',
    'Such a group has no gate and is never required: it is most often a renamed label, and the message lists the groups the template expects in that stage.',
    'Items directly under the stage heading, outside any group, are reported the same way. Stages the template does not name are the team\'s own and are not reported;',
    'a manifest rule naming `*` accepts every group of its stage.',
  ].join('\n'),
  examples: {
    good: [
      '---\nstatus: deployed\ntemplate: deployment\n---\n\n## Deployment Execution\n\n**during deployment**:\n\n- [x] Application deployed\n\n## Team Notes\n\n**Our own checks**:\n\n- [x] Dashboards bookmarked\n',
    ],
    bad: [
      {
        input: '---\nstatus: deployed\ntemplate: deployment\n---\n\n## Deployment Execution\n\n**Pre-Deployment**:\n\n- [x] Team notified\n\n**While Deploying**:\n\n- [x] Application deployed\n',
        expected: [{ line: 12, severity: 'warning' }],
      },
    ],
  },
  check(record, context) {
    const manifest = context.manifests[record.template]
    if (!manifest) return []
    const reports: PlacedMessage[] = []
    for (const stage of record.stages) {
      const stageKey = normalizeName(stage.name)
      const rules = manifest.groups.filter((rule) => ruleNamesStageKey(rule, stageKey))
      if (rules.length === 0) continue
      for (const group of stage.groups) {
        if (group.items.length === 0) continue
        const groupKey = normalizeName(group.name)
        if (rules.some((rule) => ruleNamesGroupKey(rule, stageKey, groupKey))) continue
        const expected = [...new Map(rules.flatMap(ruleGroupNames).map((name) => [normalizeName(name), name.trim()])).values()]
        const list = expected.map((name) => `\`${name}\``).join(', ')
        const outside = groupKey === stageKey
        const reason = outside
          ? `Unexpected items outside any group in \`${stage.name}\`, expected them under one of the groups the \`${record.template}\` template names there: ${list}`
          : `Unexpected group \`${group.name}\` in \`${stage.name}\`, expected one of the groups the \`${record.template}\` template names there: ${list}`
        reports.push(context.report({ line: group.line, column: group.column }, reason))
      }
    }
    return reports
  },
}
