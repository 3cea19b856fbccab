import { findGroup } from '../findGroup.ts'
import { REQUIRED_KEYS } from '../frontmatterSchema.ts'
import type { PlacedMessage } from '../../message/ShiplogMessage.ts'
import type { CheckRule } from '../types.ts'

const REQUIRED = new Set<string>(REQUIRED_KEYS)

/**
 * `unfilled-placeholder`: a template variable (`{{name}}`) left in the record (FORMAT.md §3, §4).
 *
 * Error inside a group the status requires, in a required frontmatter key, and anywhere at
 * `closed`; warning elsewhere. Other template languages in commands (`${{ secrets.TOKEN }}`,
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
    for (const placeholder of record.placeholders) {
      const written = `\`{{${placeholder.name}}}\``
      const at = { line: placeholder.line, column: placeholder.column }
      if (status === 'closed') {
        reports.push(context.report(at, `Unexpected unfilled placeholder ${written} at status \`closed\`, expected every placeholder filled`, 'error'))
        continue
      }
      if (placeholder.inFrontmatter) {
        const key = placeholder.key
        if (key !== undefined && REQUIRED.has(key)) {
          reports.push(context.report(at, `Unexpected unfilled placeholder ${written} in required key \`${key}\`, expected a value`, 'error'))
        } else {
          reports.push(context.report(at, `Unexpected unfilled placeholder ${written}${key === undefined ? '' : ` in \`${key}\``}, expected a value`, 'warning'))
        }
        continue
      }
      const group = findGroup(record, placeholder.stage, placeholder.group)
      if (group?.required && group.gate !== null) {
        reports.push(context.report(at, `Unexpected unfilled placeholder ${written} at status \`${String(status)}\`, expected a value: \`${group.name}\` must be complete from \`${group.gate}\``, 'error'))
        continue
      }
      reports.push(context.report(at, `Unexpected unfilled placeholder ${written}, expected a value`, 'warning'))
    }
    return reports
  },
}
