import type { PlacedMessage, Severity } from '../message/ShiplogMessage.ts'
import type { Point, ReleaseRecord } from '../record/types.ts'
import type { TemplateManifest } from '../template/types.ts'

/** Everything a rule may look at besides its record, and how it reports. */
export interface CheckContext {
  /** Template manifests by name. */
  manifests: { readonly [name: string]: TemplateManifest }
  /** The present instant, passed in (the core reads no clock); rules that compare with it skip that test without it. */
  now?: Date | undefined
  /** The configured display `timezone` (IANA name), for dates in messages. */
  timeZone?: string | undefined
  /**
   * Today's date (`YYYY-MM-DD`) for rules about dates that pass (`overdue-action-item`), given by
   * the caller (the CLI: the machine's local date); null when not given: nothing is overdue.
   */
  today: string | null
  /**
   * A message of the running rule about the record at `at`: the record's file, the rule's id,
   * source `shiplog-check`, and the rule's `severity` unless the report names its own.
   */
  report(at: Point, reason: string, severity?: Severity): PlacedMessage
}

/** One record (`releases/example.md`), or several records keyed by file. */
export type ExampleInput = string | { [file: string]: string }

/** An example that must draw exactly the `expected` diagnostics of its rule. */
export interface BadExample {
  input: ExampleInput
  expected: Array<{ file?: string; line: number; severity: Exclude<Severity, 'info'> }>
}

/** A check rule, lint-style: an id, documentation, examples the tests run, and the check itself. */
export interface CheckRule {
  /** Kebab-case id, printed with every diagnostic. */
  id: string
  /** One sentence: what the rule reports. */
  description: string
  /** The severity of a report that does not name its own. */
  severity: Exclude<Severity, 'info'>
  /** Markdown for docs/check.md: what is reported, at which severity, and why. */
  docs: string
  examples: {
    /** Records the rule accepts. */
    good: ExampleInput[]
    bad: BadExample[]
  }
  /** The rule's messages about `record`, made with `context.report`. */
  check(record: ReleaseRecord, context: CheckContext): PlacedMessage[]
  /**
   * The rule compares the record with `context.now`. Such a rule must report nothing on a record at
   * an instant only if it reports nothing at every later one (a deploy time that is not in the
   * future now never will be): `check` keeps a record's result between runs only while the rules
   * that read `now` report nothing on it. (Rules that read `context.today` need not say so: a
   * result is kept for the day it was made on.)
   */
  readsNow?: boolean
  /**
   * For a rule that compares records (`duplicate-release`): records are checked one at a time and
   * let go, so such a rule keeps a few facts of each (`keep`) and reports once every record has
   * been seen (`compare`).
   */
  across?: AcrossRecords
}

/** What a rule across records keeps of one record: a few strings, never the record. */
export interface KeptFacts {
  file: string
  /** Where a message about the record points. */
  at: Point
  /** The value the records are compared on. */
  key: string
  /** What messages quote of the record. */
  shown: readonly string[]
  /** Whether the record is reported on (false: only compared with, as with `check --changed`). */
  checked: boolean
}

/** The part of a rule that compares records. */
export interface AcrossRecords {
  /** What to keep of `record`, or null when it takes no part. */
  keep(record: ReleaseRecord): Omit<KeptFacts, 'file' | 'checked'> | null
  /**
   * The messages about the checked records, given what was kept of every record, made with
   * `report`. The facts may come in any order (`check` counts some records from the results it
   * kept, before the records it reads): the messages must not depend on it.
   */
  compare(kept: readonly KeptFacts[], report: (facts: KeptFacts, reason: string, severity?: Severity) => PlacedMessage): PlacedMessage[]
}

/**
 * What checking one record gave (`Checker.add`): enough to count it again without the record
 * (`Checker.replay`), as `check` does with the results it keeps between runs.
 */
export interface RecordCheck {
  file: string
  /** The record's own problems, then each rule's messages, its settings applied. */
  messages: PlacedMessage[]
  /** What each rule across records kept of the record, by rule id (null: the record takes no part). */
  kept: Array<{ rule: string; facts: Omit<KeptFacts, 'file' | 'checked'> | null }>
  /** The messages of a rule across records that failed to keep its facts (`internal-error`). */
  keepFailures: PlacedMessage[]
  /** False when a rule that reads the present instant (`CheckRule.readsNow`) reported on the record: the result may change as time passes. */
  lasting: boolean
}

/** The result of checking records; the JSON format prints the first four keys (FORMAT.md §6). */
export interface CheckResult {
  /** Number of files checked. */
  files: number
  errors: number
  warnings: number
  /** Every message, sorted by file, line, column (`compareMessages`). */
  diagnostics: PlacedMessage[]
  /** The files checked, in order (clean ones too). */
  paths: string[]
}
