import type { Point, ReleaseRecord, Severity } from '../record/types.ts'
import type { TemplateManifest } from '../template/types.ts'

export type { Severity }

/** A problem `shiplog check` reports (FORMAT.md §6). `file` is relative to the project root, with `/`. */
export interface Diagnostic {
  file: string
  /** 1-based. */
  line: number
  /** 1-based, in UTF-16 code units. */
  column: number
  rule: string
  severity: Severity
  message: string
}

/** What a rule reports: the checker adds the file and the rule id, and the rule's default severity. */
export interface Report extends Point {
  message: string
  /** Defaults to the rule's `severity`. */
  severity?: Severity
}

/** Everything a rule may look at besides its record. */
export interface CheckContext {
  /** Every record of the project (for rules across files such as `duplicate-release`), not only those checked. */
  records: readonly ReleaseRecord[]
  /** Template manifests by name. */
  manifests: { readonly [name: string]: TemplateManifest }
}

/** One record (`releases/example.md`), or several records keyed by file. */
export type ExampleInput = string | { [file: string]: string }

/** An example that must draw exactly the `expected` diagnostics of its rule. */
export interface BadExample {
  input: ExampleInput
  expected: Array<{ file?: string; line: number; severity: Severity }>
}

/** A check rule, lint-style: an id, documentation, examples the tests run, and the check itself. */
export interface CheckRule {
  /** Kebab-case id, printed with every diagnostic. */
  id: string
  /** One sentence: what the rule reports. */
  description: string
  /** The severity of a report that does not name its own. */
  severity: Severity
  /** Markdown for docs/check.md: what is reported, at which severity, and why. */
  docs: string
  examples: {
    /** Records the rule accepts. */
    good: ExampleInput[]
    bad: BadExample[]
  }
  check(record: ReleaseRecord, context: CheckContext): Report[]
}

/** The result of checking records; the JSON format prints the first four keys (FORMAT.md §6). */
export interface CheckResult {
  /** Number of files checked. */
  files: number
  errors: number
  warnings: number
  /** Sorted by file, line, column. */
  diagnostics: Diagnostic[]
  /** The files checked, in order (clean ones too). */
  paths: string[]
}
