import { findGroup } from '../findGroup.ts'
import { REQUIRED_KEYS } from '../frontmatterSchema.ts'
import { groupLabeler } from '../../record/groupLabeler.ts'
import { reachedStages, stageOf } from '../../lifecycle/reachedStages.ts'
import type { PlacedMessage } from '../../message/ShiplogMessage.ts'
import type { Placeholder, ReleaseRecord } from '../../record/types.ts'
import type { CheckContext, CheckRule } from '../types.ts'

const REQUIRED = new Set<string>(REQUIRED_KEYS)

/**
 * `unfilled-placeholder`: a template variable (`{{name}}`) left in the record (FORMAT.md §3, §4).
 *
 * Error inside a group the status requires, in a required frontmatter key (one message for all
 * such keys), and anywhere at `closed`; warning elsewhere, one per placeholder in the stages the
 * status has reached, and one per record for all placeholders not yet due. Other template languages in commands (`${{ secrets.TOKEN }}`,
 * `{{ .Values.image.tag }}`) are content, not placeholders: the parser never reports them.
 */
export const unfilledPlaceholderRule: CheckRule = {
  id: 'unfilled-placeholder',
  description: 'A template variable such as `{{owner}}` left unfilled in the record.',
  severity: 'warning',
  docs: [
    'Reports every `{{name}}` template variable left in the record, with the severity of FORMAT.md §4:',
    '',
    '- **error** in a group the status requires (e.g. `Code & Testing` from `approved`), in a required frontmatter key (`release`, `version`, `component`, `release_type`, `environment`, `status`, `scheduled`, `owner`), and anywhere once the status is `closed`;',
    '- **warning** anywhere else.',
    '',
    'So that a record fresh from a template is not buried under one message per cell, placeholders are reported one by one only where they are due now: in the groups the status requires, and in the stages the status has reached (a stage with a group gated at the status or earlier), which is what the author fills next. The rest (optional frontmatter keys, stages not yet reached, text before the first stage) draw **one** warning per record with their count, where they are and the first place ("Unexpected 29 unfilled placeholders not yet due at status `planned` (in frontmatter, Plan and Design…), first at 11:15, …"); unfilled required frontmatter keys draw one error naming every key and its place. At `closed` every placeholder is an error of its own.',
    '',
    'Expressions of other template languages in deployment commands, such as GitHub Actions `${{ secrets.TOKEN }}` or Helm `{{ .Values.image.tag }}`, are content and never reported.',
  ].join('\n'),
  examples: {
    good: [
      '---\nstatus: approved\ntemplate: deployment\n---\n\n## Deployment Execution\n\n### Deployment Commands\n\n```bash\nhelm upgrade api ./chart --set image.tag={{ .Values.image.tag }}\ncurl -H "Authorization: ${{ secrets.TOKEN }}" https://example.com\n```\n',
    ],
    bad: [
      {
        input:
          '---\nversion: "{{release_version}}"\nstatus: approved\ntemplate: deployment\n---\n\n## Pre-Deployment Planning\n\n**Code & Testing**:\n\n- [x] Tests passing in {{ci_system}}\n\n**Rollback Triggers**:\n\n- [ ] Error rate > {{error_threshold}}%\n',
        expected: [
          { line: 2, severity: 'error' },
          { line: 11, severity: 'error' },
          { line: 15, severity: 'warning' },
        ],
      },
      {
        input: '---\nstatus: closed\ntemplate: deployment\n---\n\n## Release Notes\n\n- {{feature_1}}\n',
        expected: [{ line: 8, severity: 'error' }],
      },
    ],
  },
  check(record, context) {
    const status = record.status
    const reports: PlacedMessage[] = []
    const requiredKeys: Placeholder[] = []
    const notDue: Placeholder[] = []
    const reached = reachedStages(record)
    let label: ReturnType<typeof groupLabeler> | null = null
    for (const placeholder of record.placeholders) {
      const written = `\`{{${placeholder.name}}}\``
      const at = { line: placeholder.line, column: placeholder.column }
      if (status === 'closed') {
        reports.push(context.report(at, `Unexpected unfilled placeholder ${written} at status \`closed\`, expected every placeholder filled`, 'error'))
        continue
      }
      if (placeholder.inFrontmatter) {
        const key = placeholder.key
        if (key !== undefined && REQUIRED.has(key)) requiredKeys.push(placeholder)
        else notDue.push(placeholder)
        continue
      }
      const group = findGroup(record, placeholder.stage, placeholder.group)
      if (group?.required && group.gate !== null) {
        reports.push(context.report(at, `Unexpected unfilled placeholder ${written} at status \`${String(status)}\`, expected a value: \`${(label ??= groupLabeler(record))(group)}\` must be complete from \`${group.gate}\``, 'error'))
        continue
      }
      if (!reached.has(stageOf(record, placeholder) ?? '')) {
        notDue.push(placeholder)
        continue
      }
      reports.push(context.report(at, `Unexpected unfilled placeholder ${written}, expected a value`, 'warning'))
    }
    if (requiredKeys.length > 0) reports.push(requiredKeysReport(requiredKeys, context))
    if (notDue.length > 0) reports.push(notDueReport(record, notDue, context))
    return reports
  },
}

/** Required frontmatter keys left unfilled (errors, FORMAT.md §4): one message naming each key and its place. */
function requiredKeysReport(placeholders: readonly Placeholder[], context: CheckContext): PlacedMessage {
  const first = placeholders[0] as Placeholder
  const at = { line: first.line, column: first.column }
  if (placeholders.length === 1) {
    return context.report(at, `Unexpected unfilled placeholder \`{{${first.name}}}\` in required key \`${String(first.key)}\`, expected a value`, 'error')
  }
  const keys = placeholders.map((placeholder) => `\`${String(placeholder.key)}\` (${placeholder.line}:${placeholder.column})`)
  return context.report(at, `Unexpected unfilled placeholders in ${placeholders.length} required keys ${keys.join(', ')}, expected a value in each`, 'error')
}

/**
 * Placeholders not yet due (in optional frontmatter keys, or in stages the status has not
 * reached): one warning per record with their count, where they are and the first place, so a
 * record fresh from a template is not buried under one warning per cell.
 */
function notDueReport(record: ReleaseRecord, placeholders: readonly Placeholder[], context: CheckContext): PlacedMessage {
  const first = placeholders[0] as Placeholder
  const at = { line: first.line, column: first.column }
  if (placeholders.length === 1) {
    const key = first.inFrontmatter && first.key !== undefined ? ` in \`${first.key}\`` : ''
    return context.report(at, `Unexpected unfilled placeholder \`{{${first.name}}}\`${key}, expected a value`, 'warning')
  }
  const parts: string[] = []
  for (const placeholder of placeholders) {
    const part = placeholder.inFrontmatter ? 'frontmatter' : (stageOf(record, placeholder) ?? 'outside any stage')
    if (!parts.includes(part)) parts.push(part)
  }
  const shown = parts.length > 3 ? `${parts.slice(0, 3).join(', ')}…` : parts.join(', ')
  const status = record.status === null ? 'without a status' : `at status \`${record.status}\``
  return context.report(
    at,
    `Unexpected ${placeholders.length} unfilled placeholders not yet due ${status} (in ${shown}), first at ${first.line}:${first.column}, expected values by the status each stage is due at (all by \`closed\`)`,
    'warning',
  )
}
