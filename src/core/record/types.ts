import type { Status } from '../lifecycle/statuses.ts'
import type { PlacedMessage } from '../message/ShiplogMessage.ts'
import type { ExpectedDuration } from '../template/types.ts'

/** A place in a file; `line` and `column` are 1-based, columns count UTF-16 code units. */
export interface Point {
  line: number
  column: number
}

/**
 * A frontmatter value as written. Plain scalars keep their source text as a string
 * (`version: 1.10` is `'1.10'`, `2026-01-02` stays `'2026-01-02'`), except `true`/`false`
 * (booleans) and `null`/`~`/empty (null). Quoted scalars are strings.
 */
export type YamlValue = string | boolean | null | YamlValue[] | { [key: string]: YamlValue }

/** Where a top-level frontmatter key and its value stand, and how the value was written. */
export interface FrontmatterField extends Point {
  key: string
  /** Position of the value (of the key when the value is empty). */
  value: Point
  /**
   * `plain` for an unquoted scalar, `quoted` for '…' or "…", `block` for | or >,
   * `sequence` or `map` for collections, `empty` when nothing follows the key.
   */
  style: 'plain' | 'quoted' | 'block' | 'sequence' | 'map' | 'empty'
  /** True when a plain scalar would be a number in YAML (e.g. `1.10`, `0123`, `2e3`). */
  numeric: boolean
}

export interface Frontmatter {
  /** Top-level keys and their values (null-prototype object). */
  data: { [key: string]: YamlValue }
  /** Positions and styles of the top-level keys (null-prototype object). */
  fields: { [key: string]: FrontmatterField }
  /** Positions of nested values, keyed by a path like `changes.0.committed_at`. */
  paths: { [path: string]: Point }
  /** Line of the opening `---`, or null when the record has no frontmatter. */
  startLine: number | null
  /** Line of the closing `---`, or null. */
  endLine: number | null
}

/**
 * A group's role (FORMAT.md §3):
 * - `task`: work; counts for progress.
 * - `conditional`: work that counts only while its condition holds (see `Group.active`).
 * - `trigger`: conditions, not work; a checked item means the trigger fired. Never progress.
 * - `signoff`: work whose items must each name a person after `:` (e.g. `Product Owner: Ana Ruiz`).
 */
export type GroupRole = 'task' | 'conditional' | 'trigger' | 'signoff'

export interface Item extends Point {
  /** The item's text as plain text (inline Markdown removed), trimmed. */
  text: string
  checked: boolean
  /** Wholly struck through, or the text starts with `N/A`: neither done nor open. */
  notApplicable: boolean
  /** 0 for a top-level item, 1 for an item in a nested list, … */
  depth: number
  /** The role of the item's group. */
  role: GroupRole
}

export interface Group extends Point {
  /** The heading text or bold label (without a trailing colon); the stage name for items with no group. */
  name: string
  stage: string
  role: GroupRole
  /** The status at which every item of this group must be done, or null when never required. */
  gate: Status | null
  /** False for a conditional group whose condition does not hold; true otherwise. */
  active: boolean
  /**
   * True when the record's status requires every item of the group done: its gate is reached by
   * the status, it is active and it is not a trigger group (`requiredAt(group, record.status)`).
   */
  required: boolean
  items: Item[]
}

export interface Stage extends Point {
  /** The H2 heading's text. */
  name: string
  groups: Group[]
}

export interface TableCell extends Point {
  /** The cell's plain text, trimmed; an escaped pipe `\|` reads as `|`. */
  text: string
}

export interface TableRow extends Point {
  /** Cells keyed by the lower-cased, trimmed header text (null-prototype object). */
  cells: { [header: string]: TableCell }
  /** Cells in source order, including cells beyond the header's width. */
  list: TableCell[]
  /** Every cell is empty or an unfilled placeholder: metrics ignore the row. */
  unfilled: boolean
}

export interface Table extends Point {
  /** Text of the nearest heading or bold label before the table (trailing colon removed). */
  heading: string
  /** The H2 section the table is in, or null before the first H2. */
  stage: string | null
  /** Header cells lower-cased and trimmed, in order. */
  headers: string[]
  headerCells: TableCell[]
  rows: TableRow[]
}

/** A `{{name}}` left in the record: an unfilled template variable. */
export interface Placeholder extends Point {
  name: string
  /** True when the placeholder is in the frontmatter. */
  inFrontmatter: boolean
  /** The frontmatter key (top level) it sits in, when `inFrontmatter`. */
  key?: string
  /** The stage and group it sits in, when it is in one. */
  stage?: string
  group?: string
}

/**
 * A stage's responsible role and expected duration (from the template's manifest `stages:`) with
 * when the record says it started and ended (frontmatter `stages:`). The point is the stage's
 * `started` value in the frontmatter, else its entry, else its `##` heading, else the frontmatter.
 */
export interface StageTime extends Point {
  /** The stage as the manifest names it, or as the frontmatter does for a stage the manifest leaves out. */
  name: string
  role: string | null
  expected: ExpectedDuration | null
  /** The `started` date-time as written (trimmed), or null when missing or not a date-time. */
  started: string | null
  /** The `ended` date-time as written (trimmed), or null when missing or not a date-time. */
  ended: string | null
}

export interface ReleaseRecord {
  /** Path relative to the project root, with `/`; `<repository>/<path>` for a record of one of several repositories (`inRepository`). */
  file: string
  /**
   * The repository the record was read from, when a command reads several project roots
   * (`inRepository`, `repositoryOf`); absent for a record of a single project.
   */
  repository?: string
  frontmatter: Frontmatter
  /**
   * The lifecycle status: the frontmatter `status` read trimmed and case-insensitively (`toStatus`);
   * null when missing or naming no lifecycle state. Every reader takes the status from here.
   */
  status: Status | null
  /** Name of the template whose rules classified the groups. */
  template: string
  stages: Stage[]
  tables: Table[]
  /** The table whose heading is the template's timeline heading (`Deployment Timeline`), if any. */
  timeline: Table | null
  /** The table whose heading is the template's issues heading (`Issues Encountered`), if any. */
  issues: Table | null
  /** The table whose heading is the template's action items heading (`Action Items`), if any. */
  actionItems: Table | null
  placeholders: Placeholder[]
  /**
   * Every stage the template plans (role, expected duration) or the frontmatter times, in the
   * manifest's order, then the frontmatter's (`readStageTimes`). Absent from records made by hand.
   */
  stageTimes?: StageTime[]
  /**
   * Problems found while reading the record, by line and column: reported, never thrown. Each has
   * the record's `file`, a place, a rule id (`frontmatter-yaml`, `encoding`…) and source `shiplog`.
   */
  problems: PlacedMessage[]
}
