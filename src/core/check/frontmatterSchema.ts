import { z } from 'zod'
import { STATUSES } from '../lifecycle/statuses.ts'
import { DATE_TIME_PATTERN, readDateTime } from '../record/dateTime.ts'

/**
 * The record frontmatter (FORMAT.md §2), defined once: `frontmatter-schema` validates with it and
 * `schema/release.schema.json` is generated from it (`releaseJsonSchema`).
 *
 * Values are checked as written: plain YAML scalars are strings (only `true`/`false` are booleans
 * and an empty value is null), so dates and versions are string patterns here. Checks that are
 * warnings, not errors (a version that is not semver, a date-time without an offset), live in the
 * rule, not in the schema: an editor flags only what `shiplog check` fails on.
 */

/** How a field is described to editors (`description`) and in messages (`expected`). */
export interface FieldSpec {
  schema: z.ZodType
  /** What the value should be, for "Unexpected …, expected <expected>" messages. */
  expected: string
}

const DATE_TIME_EXAMPLE = '2026-03-04T14:00:00+01:00'

const text = (description: string): z.ZodString => z.string().regex(/\S/).meta({ description })

const DATE_TIME_SHAPE = new RegExp(DATE_TIME_PATTERN)

/** The record grammar (`src/core/record/dateTime.ts`): its pattern, then the calendar (`2026-02-30`) for what has the shape. */
const dateTime = (description: string) =>
  z
    .string()
    .regex(DATE_TIME_SHAPE)
    .refine((value) => !DATE_TIME_SHAPE.test(value) || readDateTime(value) !== null, { params: { calendar: true } })
    .meta({ description: `${description} ISO 8601 date-time with offset, e.g. ${DATE_TIME_EXAMPLE}.`, examples: [DATE_TIME_EXAMPLE] })

/**
 * A pattern matching any of `values` in any letter case (JSON Schema patterns have no `i` flag),
 * with surrounding spaces too when `padded`.
 */
function caseInsensitive(values: readonly string[], padded = false): RegExp {
  const letters = (value: string): string =>
    [...value].map((c) => (c.toLowerCase() !== c.toUpperCase() ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'))).join('')
  const space = padded ? '\\s*' : ''
  return new RegExp(`^${space}(?:${values.map(letters).join('|')})${space}$`)
}

const optional = <T extends z.ZodType>(schema: T) => schema.nullable().optional()

const list = (values: readonly string[]): string => values.map((v) => `\`${v}\``).join(', ')

export const RELEASE_TYPES = ['major', 'minor', 'patch', 'hotfix'] as const
export const ENVIRONMENTS = ['staging', 'production', 'dr'] as const
export const ROLLBACK_STRATEGIES = ['blue-green', 'canary', 'rolling', 'immediate'] as const

/** The keys every record must have (FORMAT.md §2). */
export const REQUIRED_KEYS = ['release', 'version', 'component', 'release_type', 'environment', 'status', 'scheduled', 'owner'] as const

/** Keys whose values are ISO date-times (a missing offset is a warning). */
export const DATE_TIME_KEYS = ['scheduled', 'deployed_at', 'restored_at'] as const

export const CHANGE_FIELDS: { [key: string]: FieldSpec } = {
  id: { schema: text('Commit, pull request or ticket id.'), expected: 'the change id (a string)' },
  title: { schema: text('What the change does.'), expected: 'the change title (a string)' },
  committed_at: { schema: dateTime('When the change was committed:'), expected: `an ISO 8601 date-time with offset, e.g. \`${DATE_TIME_EXAMPLE}\`` },
  author: { schema: optional(z.string()).meta({ description: 'Who made the change.' }), expected: 'a string' },
  url: { schema: optional(z.string()).meta({ description: 'Link to the change.' }), expected: 'a link (a string)' },
}

const changeSchema = z.looseObject({
  id: CHANGE_FIELDS['id']!.schema,
  title: CHANGE_FIELDS['title']!.schema,
  committed_at: CHANGE_FIELDS['committed_at']!.schema,
  author: CHANGE_FIELDS['author']!.schema,
  url: CHANGE_FIELDS['url']!.schema,
})

/** The fields of a stage's entry in the frontmatter `stages:` map (docs/record-format.md, "Stage times"). */
export const STAGE_FIELDS: { [key: string]: FieldSpec } = {
  started: {
    schema: optional(dateTime('When the stage started:')),
    expected: `an ISO 8601 date-time with offset, e.g. \`${DATE_TIME_EXAMPLE}\``,
  },
  ended: {
    schema: optional(dateTime('When the stage ended:')),
    expected: `an ISO 8601 date-time with offset, e.g. \`${DATE_TIME_EXAMPLE}\``,
  },
}

const stageSchema = z.strictObject({ started: STAGE_FIELDS['started']!.schema, ended: STAGE_FIELDS['ended']!.schema })

export const FIELDS: { [key: string]: FieldSpec } = {
  release: { schema: text('Release name.'), expected: 'the release name (a string)' },
  version: { schema: text('Release version; semver expected (quote it: "1.10" stays 1.10).'), expected: 'the release version, e.g. `"2.4.0"`' },
  component: { schema: text('The service or product released.'), expected: 'the component released (a string)' },
  release_type: {
    schema: z
      .union([z.enum(RELEASE_TYPES), z.string().regex(caseInsensitive(RELEASE_TYPES))])
      .meta({ description: 'Kind of release (case-insensitive): major, minor, patch or hotfix.' }),
    expected: `one of ${list(RELEASE_TYPES)}`,
  },
  environment: { schema: z.enum(ENVIRONMENTS).meta({ description: 'Target environment.' }), expected: `one of ${list(ENVIRONMENTS)}` },
  status: {
    // Read trimmed and case-insensitively (toStatus); a spelling other than the status itself is a warning, not an error.
    schema: z
      .union([z.enum(STATUSES), z.string().regex(caseInsensitive(STATUSES, true))])
      .meta({ description: 'Lifecycle state (read case-insensitively; write it in lower case).' }),
    expected: `one of ${list(STATUSES)}`,
  },
  scheduled: { schema: dateTime('Start of the deployment window:'), expected: `an ISO 8601 date-time with offset, e.g. \`${DATE_TIME_EXAMPLE}\`` },
  owner: { schema: text('Accountable person or team.'), expected: 'the accountable person or team (a string)' },
  coordinator: { schema: optional(z.string()).meta({ description: 'Release coordinator.' }), expected: 'a name (a string)' },
  business_owner: { schema: optional(z.string()).meta({ description: 'Business owner.' }), expected: 'a name (a string)' },
  rollback_strategy: {
    schema: optional(z.enum(ROLLBACK_STRATEGIES)).meta({ description: 'Rollback strategy.' }),
    expected: `one of ${list(ROLLBACK_STRATEGIES)}`,
  },
  deployed_at: {
    schema: optional(dateTime('When the change went live (overrides the Deployment Timeline):')),
    expected: `an ISO 8601 date-time with offset, e.g. \`${DATE_TIME_EXAMPLE}\``,
  },
  restored_at: {
    schema: optional(dateTime('When service was restored after a failed deployment:')),
    expected: `an ISO 8601 date-time with offset, e.g. \`${DATE_TIME_EXAMPLE}\``,
  },
  incident: {
    schema: optional(z.boolean()).meta({ description: 'true marks the deployment as failed even without an Issues row.' }),
    expected: '`true` or `false` (unquoted)',
  },
  changes: {
    schema: optional(z.array(changeSchema)).meta({ description: 'What is deployed: the source of lead time.' }),
    expected: 'a list of changes `{id, title, committed_at}`',
  },
  stages: {
    schema: optional(z.record(z.string(), optional(stageSchema))).meta({
      description: 'When each stage (an H2 heading) started and ended: stage name → { started, ended }. Status, metrics and the site compare them with the template\'s expected durations.',
    }),
    expected: 'a map of stage name → `{started, ended}`',
  },
  template: { schema: optional(z.string()).meta({ description: 'Template whose manifest classifies the checklist groups.' }), expected: 'a template name (a string)' },
  type: { schema: optional(z.string()).meta({ description: 'Kept from the seed template.' }), expected: 'a string' },
  phase: { schema: optional(z.string()).meta({ description: 'Kept from the seed template.' }), expected: 'a string' },
  created: { schema: optional(z.string()).meta({ description: 'When the record was created.' }), expected: 'a date (a string)' },
  updated: { schema: optional(z.string()).meta({ description: 'When the record was last updated.' }), expected: 'a date (a string)' },
  tags: { schema: optional(z.array(z.string())).meta({ description: 'Free-form tags.' }), expected: 'a list of strings' },
}

/** The frontmatter schema: the keys of `FIELDS`, unknown keys allowed. */
export const frontmatterSchema = z
  .looseObject(Object.fromEntries(Object.entries(FIELDS).map(([key, spec]) => [key, spec.schema])) as { [key: string]: z.ZodType })
  .meta({
    title: 'shiplog release record',
    description: 'Frontmatter of a shiplog release record (FORMAT.md §2). Unknown keys are allowed.',
  })
