import { isGateRequired } from '../../lifecycle/isGateRequired.ts'
import { normalizeName } from '../../record/normalizeName.ts'
import type { YamlValue } from '../../record/types.ts'
import type { GroupRule } from '../../template/types.ts'
import { statusOf } from '../../lifecycle/statusOf.ts'
import type { CheckRule, Report } from '../types.ts'

/**
 * `missing-group`: a checklist group the template gates at the record's status is not in the
 * record at all, so `status-gate` has nothing to hold it to. Teams may trim a template on
 * purpose, hence a warning; mark items `N/A` or strike them through to keep the group visible.
 */
export const missingGroupRule: CheckRule = {
  id: 'missing-group',
  description: 'Every group the status requires, by the template, is present in the record.',
  severity: 'warning',
  docs: [
    '**warning** when a group the template gates at or before the record\'s status (e.g. `Code & Testing` at `approved`) has no items in the record:',
    'deleting a checklist would otherwise pass `status-gate`. Reported at the stage heading, or at `status` when the stage is missing too.',
    'Keep the group and mark items that do not apply as `N/A` or `~~struck through~~`. Groups named `*` in the manifest and conditional groups whose condition does not hold are not required.',
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
          { line: 6, severity: 'warning' },
          { line: 6, severity: 'warning' },
        ],
      },
    ],
  },
  check(record, context) {
    const status = statusOf(record)
    const manifest = context.manifests[record.template]
    if (status === null || !manifest) return []
    const present = new Set<string>()
    const stages = new Map<string, { line: number; column: number }>()
    for (const stage of record.stages) {
      stages.set(normalizeName(stage.name), { line: stage.line, column: stage.column })
      for (const group of stage.groups) if (group.items.length > 0) present.add(`${normalizeName(stage.name)}\u0000${normalizeName(group.name)}`)
    }
    const statusField = record.frontmatter.fields['status']
    const reports: Report[] = []
    for (const rule of manifest.groups) {
      if (rule.gate === undefined || rule.role === 'trigger' || !isGateRequired(rule.gate, status)) continue
      if (rule.when && !holds(rule.when, record.frontmatter.data)) continue
      const stage = normalizeName(rule.stage)
      for (const name of Array.isArray(rule.group) ? rule.group : [rule.group]) {
        if (name.trim() === '*' || present.has(`${stage}\u0000${normalizeName(name)}`)) continue
        const at = stages.get(stage) ?? { line: statusField?.value.line ?? 1, column: statusField?.value.column ?? 1 }
        reports.push({
          ...at,
          message: `Unexpected missing group \`${name}\` in \`${rule.stage}\` at status \`${status}\`, expected its checklist: the template requires it from \`${rule.gate}\``,
        })
      }
    }
    return reports
  },
}

function holds(when: NonNullable<GroupRule['when']>, data: { readonly [key: string]: YamlValue }): boolean {
  return Object.entries(when).every(([key, expected]) => {
    const value = Object.hasOwn(data, key) ? data[key] : undefined
    const actual = typeof value === 'string' ? value.trim().toLowerCase() : typeof value === 'boolean' ? String(value) : ''
    return (Array.isArray(expected) ? expected : [expected]).some((v) => String(v).trim().toLowerCase() === actual)
  })
}
