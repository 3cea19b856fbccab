import type { Status } from '../lifecycle/statuses.ts'
import type { GroupRole } from '../record/types.ts'
import type { TargetSettings } from '../metrics/targets/types.ts'

/** A value a template asks for (`{{name}}`). */
export interface TemplateVariable {
  description: string
  /** Asked for by `shiplog new` on a TTY when still missing; left as `{{name}}` otherwise. */
  required?: boolean
  /** Allowed values, offered as a choice when prompting. */
  choices?: string[]
  /** Used when no value is given (before prompting). */
  default?: string
}

/**
 * Which groups of a record are work, triggers or sign-offs, and at which status they must be done.
 * `stage` and `group` match heading text case-insensitively, ignoring surrounding whitespace
 * and a trailing colon; `group` may be a list, or `*` for every group of the stage.
 */
export interface GroupRule {
  stage: string
  group: string | string[]
  role: Exclude<GroupRole, 'conditional'>
  /** The status at which the group must be complete; omitted: never required. */
  gate?: Status
  /**
   * The group counts only while every listed frontmatter key has one of the listed values
   * (case-insensitive); such a group is reported with the role `conditional`.
   */
  when?: { [key: string]: string | boolean | Array<string | boolean> }
}

/** Headings of the tables metrics read (case-insensitive). */
export interface TemplateTables {
  timeline: string
  issues: string
  /** The retrospective's action items (`tables.action_items` in the manifest; `readActionItems`). */
  actionItems?: string
}

/** What a template declares about itself, in its leading `{{!-- shiplog: … --}}` block. */
export interface TemplateManifest {
  name: string
  description: string
  variables: { [name: string]: TemplateVariable }
  groups: GroupRule[]
  tables: TemplateTables
  /**
   * The variable each top-level frontmatter key of the template holds, when its whole value is one
   * (`environment: "{{target_environment}}"`): read from the template, not declared.
   */
  fields?: { [key: string]: string }
  /**
   * Team targets the template sets (`targets:`, the same grammar as the configuration's
   * `targets`); `shiplog init` writes them into the configuration it creates. Only when declared.
   */
  targets?: TargetSettings
  /**
   * Who is responsible for each stage and how long it is expected to take (`stages:` in the
   * manifest), in the manifest's order; absent when the template declares none.
   */
  stages?: StagePlan[]
  /**
   * Former variable names and the variables that took over their cells (`renamed:` in the manifest):
   * a value given under a former name fills each listed variable given no value of its own
   * (`applyRenamed`), so values files and `--set` flags written for an older template still fill
   * what they filled. Records already rendered are text and are not affected.
   */
  renamed?: { [formerName: string]: string[] }
  /**
   * The `##` sections that are reference text, the same in every record (`reference:` in the
   * manifest, e.g. `[Deployment Guidelines]`): the site shows them collapsed under their heading.
   * Absent when the template declares none.
   */
  reference?: string[]
}

/** How long a stage is expected to take: `1 day` is `{min: 1, max: 1, unit: 'days'}`. */
export interface ExpectedDuration {
  min: number
  max: number
  /** `days` are business days (Monday to Friday); `hours` are clock hours. */
  unit: 'hours' | 'days'
  /** As the manifest writes it, trimmed (`1-2 days`). */
  text: string
}

/** A stage's responsible role and expected duration, as a template's manifest declares them. */
export interface StagePlan {
  /** The stage's H2 heading, as the manifest writes it. */
  stage: string
  /** Who is responsible (`Release Manager`), or null when not declared. */
  role: string | null
  expected: ExpectedDuration | null
}

export const DEFAULT_TABLES: TemplateTables = {
  timeline: 'Deployment Timeline',
  issues: 'Issues Encountered',
  actionItems: 'Action Items',
}
