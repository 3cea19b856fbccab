// One function, not the whole package: every `check` loads this rule.
import semverValid from 'semver/functions/valid.js'
import type { z } from 'zod'
import type { ReleaseRecord, YamlValue } from '../../record/types.ts'
import { readDateTime } from '../../record/dateTime.ts'
import { CHANGE_FIELDS, DATE_TIME_KEYS, FIELDS, frontmatterSchema, REQUIRED_KEYS, STAGE_FIELDS } from '../frontmatterSchema.ts'
import { frontmatterUnreadable } from '../frontmatterUnreadable.ts'
import type { PlacedMessage } from '../../message/ShiplogMessage.ts'
import type { CheckContext, CheckRule } from '../types.ts'
import { quote } from '../quote.ts'
import { show } from '../show.ts'
import { valuePoint } from '../../record/valuePoint.ts'

/**
 * `frontmatter-schema`: the frontmatter has the keys and values FORMAT.md §2 asks for.
 *
 * Errors: a required key missing or empty, a value outside its enum (`release_type` and `status`
 * are case-insensitive), a date-time that is not ISO 8601 or names a day that does not exist
 * (`2026-02-30`), `incident` that is not a boolean, a `changes` item without `id`, `title` or a
 * valid `committed_at`, a `stages` entry with another key than `started`/`ended` or that ends
 * before it starts. Warnings: a `version` that is not semver, a date-time without an offset
 * (read as UTC), a status not written as itself (`Closed` is read as `closed`). Values that are
 * unfilled placeholders are left to `unfilled-placeholder`.
 * The same zod schema generates `schema/release.schema.json`.
 */
export const frontmatterSchemaRule: CheckRule = {
  id: 'frontmatter-schema',
  description: 'Frontmatter keys and values follow FORMAT.md §2 (required keys, enums, ISO date-times, semver, changes).',
  severity: 'error',
  docs: [
    'Checks the frontmatter against the schema that also generates `schema/release.schema.json`.',
    '',
    '- **error**: a required key (`release`, `version`, `component`, `release_type`, `environment`, `status`, `scheduled`, `owner`) missing or empty; a value outside its list (`release_type` and `status` are case-insensitive, `environment` and `rollback_strategy` are lower-case); a date-time that is not ISO 8601 (`2026-03-04T14:00:00+01:00`) or names a day that does not exist (`2026-02-30`); `incident` that is not `true`/`false`; a `changes` item without `id`, `title` or a valid `committed_at`; a `stages` entry that is not `{started, ended}`, or whose `ended` is before its `started`.',
    '- **warning**: a `version` that is not semver; a date-time without an offset (it is read as UTC); a `status` not written as the status itself (`Closed`, `" closed "`): it is read trimmed and case-insensitively, as `closed`, and the message names the value to write.',
    '',
    'A record with no frontmatter draws one error. Values that are unfilled placeholders (`"{{release_version}}"`) are reported by `unfilled-placeholder` instead; unknown keys are allowed.',
  ].join('\n'),
  examples: {
    good: [
      '---\nrelease: Checkout revamp\nversion: "2.4.0"\ncomponent: checkout\nrelease_type: Minor\nenvironment: production\nstatus: planned\nscheduled: 2026-03-04T14:00:00+01:00\nowner: Payments team\nchanges:\n  - id: "PAY-12"\n    title: Faster card form\n    committed_at: 2026-03-01T09:30:00Z\n---\n',
    ],
    bad: [
      {
        input:
          '---\nrelease: Checkout revamp\nversion: next\nrelease_type: small\nenvironment: production\nstatus: planned\nscheduled: 2026-02-30T14:00:00+01:00\nowner: Payments team\ndeployed_at: 2026-03-04T15:00:00\nincident: "yes"\nchanges:\n  - id: "PAY-12"\n    committed_at: 2026-03-01\n---\n',
        expected: [
          { line: 1, severity: 'error' }, // component missing
          { line: 3, severity: 'warning' }, // version not semver
          { line: 4, severity: 'error' }, // release_type
          { line: 7, severity: 'error' }, // impossible date
          { line: 9, severity: 'warning' }, // no offset
          { line: 10, severity: 'error' }, // incident not a boolean
          { line: 12, severity: 'error' }, // change without title
          { line: 13, severity: 'error' }, // committed_at not a date-time
        ],
      },
      { input: '# No frontmatter\n', expected: [{ line: 1, severity: 'error' }] },
      {
        input:
          '---\nrelease: Checkout revamp\nversion: "2.4.0"\ncomponent: checkout\nrelease_type: minor\nenvironment: production\nstatus: Closed\nscheduled: 2026-03-04T14:00:00+01:00\nowner: Payments team\n---\n',
        expected: [{ line: 7, severity: 'warning' }], // read as `closed`; write it so
      },
    ],
  },
  check(record, context) {
    if (frontmatterUnreadable(record)) return []
    const { data, startLine } = record.frontmatter
    if (startLine === null && Object.keys(data).length === 0) {
      return [
        context.report({ line: 1, column: 1 }, `Unexpected record without frontmatter, expected a YAML block between \`---\` lines with ${REQUIRED_KEYS.map((key) => `\`${key}\``).join(', ')}`),
      ]
    }
    const withPlaceholder = new Set<string>()
    for (const placeholder of record.placeholders) {
      if (placeholder.inFrontmatter && placeholder.key !== undefined) withPlaceholder.add(placeholder.key)
    }
    const reports: PlacedMessage[] = []
    const result = frontmatterSchema.safeParse(data)
    if (!result.success) {
      for (const issue of result.error.issues) {
        const key = String(issue.path[0] ?? '')
        if (withPlaceholder.has(key)) continue
        reports.push(issueReport(record, issue, context))
      }
    }
    // Warnings the schema leaves to the checker.
    const version = data['version']
    if (typeof version === 'string' && !withPlaceholder.has('version') && /\S/.test(version) && semverValid(version) === null) {
      reports.push(context.report(valuePoint(record, ['version']), `Unexpected version ${show(version)}, expected a semantic version such as \`2.4.0\``, 'warning'))
    }
    // The status as written, against the record's status (read from it by `toStatus`).
    const status = data['status']
    const canonical = record.status
    if (typeof status === 'string' && canonical !== null && status !== canonical && !withPlaceholder.has('status')) {
      const written = status.trim() === status ? quote(status) : `\`${JSON.stringify(status)}\``
      reports.push(context.report(valuePoint(record, ['status']), `Unexpected status ${written}, expected \`${canonical}\`: write the status in lower case, without spaces around it`, 'warning'))
    }
    const dateTimes: Array<Array<string | number>> = DATE_TIME_KEYS.map((key) => [key])
    const changes = data['changes']
    if (Array.isArray(changes)) changes.forEach((_, index) => dateTimes.push(['changes', index, 'committed_at']))
    const stages = data['stages']
    if (isMap(stages) && !withPlaceholder.has('stages')) {
      for (const [stage, times] of Object.entries(stages)) {
        if (!isMap(times)) continue
        dateTimes.push(['stages', stage, 'started'], ['stages', stage, 'ended'])
        const started = typeof times['started'] === 'string' ? readDateTime(times['started']) : null
        const ended = typeof times['ended'] === 'string' ? readDateTime(times['ended']) : null
        if (started !== null && ended !== null && ended.date < started.date) {
          reports.push(
            context.report(
              valuePoint(record, ['stages', stage, 'ended']),
              `Unexpected \`ended\` ${show(String(times['ended']))} before \`started\` ${show(String(times['started']))} in \`stages.${stage}\`, expected the stage to end after it started`,
            ),
          )
        }
      }
    }
    for (const path of dateTimes) {
      if (withPlaceholder.has(String(path[0]))) continue
      const value = valueAt(data, path)
      if (typeof value !== 'string') continue
      const reading = readDateTime(value)
      if (reading !== null && reading.offsetMinutes === null) {
        reports.push(context.report(valuePoint(record, path), `Unexpected date-time ${show(value)} without an offset in \`${path.join('.')}\`, expected an offset such as \`Z\` or \`+01:00\` (read as UTC)`, 'warning'))
      }
    }
    return reports
  },
}

function issueReport(record: ReleaseRecord, issue: z.core.$ZodIssue, context: CheckContext): PlacedMessage {
  const path = issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part))
  const value = valueAt(record.frontmatter.data, path)
  const name = path.join('.')
  const nested = path[0] === 'changes' ? CHANGE_FIELDS : path[0] === 'stages' ? STAGE_FIELDS : undefined
  const spec = path.length === 1 ? FIELDS[String(path[0])] : path.length === 3 ? nested?.[String(path[2])] : undefined
  const entry = path[0] === 'changes' ? 'a change `{id, title, committed_at}`' : path[0] === 'stages' ? 'a map `{started, ended}` of ISO 8601 date-times' : undefined
  const expected = spec?.expected ?? (path.length === 2 ? entry : undefined) ?? 'a valid value'
  if (issue.code === 'unrecognized_keys') {
    const [key] = issue.keys
    return context.report(valuePoint(record, [...path, String(key)]), `Unexpected key \`${String(key)}\` in \`${name}\`, expected ${path[0] === 'stages' ? '`started` or `ended`' : 'a known key'}`)
  }
  if (value === undefined) {
    if (path.length === 1) {
      return context.report(valuePoint(record, []), `Unexpected missing key \`${name}\`, expected ${expected}`)
    }
    return context.report(valuePoint(record, path), `Unexpected change without \`${String(path[path.length - 1])}\`, expected ${expected}`)
  }
  const at = valuePoint(record, path)
  if (issue.code === 'custom' && typeof value === 'string') {
    return context.report(at, `Unexpected impossible date ${show(value)} in \`${name}\`, expected a day that exists in the calendar`)
  }
  return context.report(at, `Unexpected ${show(value)} in \`${name}\`, expected ${expected}`)
}

function isMap(value: YamlValue | undefined): value is { [key: string]: YamlValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function valueAt(data: { [key: string]: YamlValue }, path: ReadonlyArray<string | number>): YamlValue | undefined {
  let value: YamlValue | undefined = data
  for (const part of path) {
    if (Array.isArray(value) && typeof part === 'number') value = value[part]
    else if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, String(part))) value = value[String(part)]
    else return undefined
  }
  return value
}
