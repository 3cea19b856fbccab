import { describe, expect, it } from 'vitest'
import { checkRecords } from '../../src/core/check/checkRecords.ts'
import { unfilledPlaceholderRule } from '../../src/core/check/rules/index.ts'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import { templates } from './deploymentManifest.ts'

const record = (status: string) =>
  [
    '---',
    'release: Checkout',
    'version: "2.4.0"',
    'component: "{{component}}"',
    'release_type: minor',
    'environment: production',
    `status: ${status}`,
    'scheduled: 2026-03-04T14:00:00+01:00',
    'owner: "{{owner}}"',
    'ticket: "{{ticket}}"',
    '---',
    '',
    'Release of {{release_name}}.',
    '',
    '## Pre-Deployment Planning',
    '',
    '**Code & Testing**:',
    '',
    '- [x] Tests passing',
    '',
    '**Rollback Triggers**:',
    '',
    '- [ ] Error rate > {{error_threshold}}%',
    '',
    '## Deployment Execution',
    '',
    '**Pre-Deployment**:',
    '',
    '- [ ] Notify {{channel}}',
    '- [ ] Page {{oncall}}',
    '',
  ].join('\n')

const check = (status: string) =>
  checkRecords([parseRecord(record(status), { file: 'releases/a.md', templates, defaultTemplate: 'deployment' })], { manifests: templates, rules: [unfilledPlaceholderRule] })
    .diagnostics.map((d) => ({ line: d.line, column: d.column, severity: d.severity, message: d.reason }))

describe('unfilled-placeholder: placeholders not yet due', () => {
  it('should report placeholders of stages not reached once per record, with their count and first place', () => {
    // At `approved` only Pre-Deployment Planning is reached (Code & Testing is gated at approved);
    // Deployment Execution's Pre-Deployment is gated at in-progress.
    expect(check('approved')).toEqual([
      { line: 4, column: 13, severity: 'error', message: 'Unexpected unfilled placeholders in 2 required keys `component` (4:13), `owner` (9:9), expected a value in each' },
      {
        line: 10,
        column: 10,
        severity: 'warning',
        message:
          'Unexpected 4 unfilled placeholders not yet due at status `approved` (in frontmatter, outside any stage, Deployment Execution), first at 10:10, expected values by the status each stage is due at (all by `closed`)',
      },
      { line: 23, column: 20, severity: 'warning', message: 'Unexpected unfilled placeholder `{{error_threshold}}`, expected a value' },
    ])
  })

  it('should report each placeholder of a required group once its stage is reached', () => {
    expect(check('in-progress')).toEqual([
      { line: 4, column: 13, severity: 'error', message: 'Unexpected unfilled placeholders in 2 required keys `component` (4:13), `owner` (9:9), expected a value in each' },
      {
        line: 10,
        column: 10,
        severity: 'warning',
        message:
          'Unexpected 2 unfilled placeholders not yet due at status `in-progress` (in frontmatter, outside any stage), first at 10:10, expected values by the status each stage is due at (all by `closed`)',
      },
      { line: 23, column: 20, severity: 'warning', message: 'Unexpected unfilled placeholder `{{error_threshold}}`, expected a value' },
      { line: 29, column: 14, severity: 'error', message: 'Unexpected unfilled placeholder `{{channel}}` at status `in-progress`, expected a value: `Pre-Deployment` must be complete from `in-progress`' },
      { line: 30, column: 12, severity: 'error', message: 'Unexpected unfilled placeholder `{{oncall}}` at status `in-progress`, expected a value: `Pre-Deployment` must be complete from `in-progress`' },
    ])
  })

  it('should report every placeholder on its own at closed', () => {
    const closed = check('closed')
    expect(closed.map((d) => [d.line, d.severity])).toEqual([
      [4, 'error'],
      [9, 'error'],
      [10, 'error'],
      [13, 'error'],
      [23, 'error'],
      [29, 'error'],
      [30, 'error'],
    ])
  })
})
