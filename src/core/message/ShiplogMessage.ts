import { VFileMessage } from 'vfile-message'

/**
 * How bad a message is. It is stored as vfile's `fatal` (unified's convention, which reporters
 * such as vfile-reporter read): `true` is an error, `false` a warning, `undefined` information.
 */
export type Severity = 'error' | 'warning' | 'info'

/** A place in a file; `line` and `column` are 1-based, columns count UTF-16 code units. */
export interface Place {
  line: number
  column: number
}

export interface ShiplogMessageOptions {
  /** The file the message is about, relative to the project root with `/` (default: none, `''`). */
  file?: string
  /** Where in the file (default: nowhere in particular). */
  place?: Place | null
  /** The rule or problem kind, kebab-case (`status-gate`, `frontmatter-yaml`); printed as `rule`. */
  ruleId?: string
  /** Who reports it: `shiplog` (reading records and templates), `shiplog-check`, `shiplog-metrics`. */
  source?: string
  /** Default `error`. */
  severity?: Severity
  /** What was found, as written, when it helps (vfile's `actual`). */
  actual?: string
  /** What would have been accepted instead (vfile's `expected`). */
  expected?: string[]
  /** Absolute URL of the docs about the message. */
  url?: string
  /** The error that caused the message. */
  cause?: unknown
}

/**
 * shiplog's one message type: a problem at a place in a file (a parse problem, a check rule's
 * report, a metrics warning, a template error). It is a unified `VFileMessage`, so that unified's
 * tools can read it: `reason` says what is wrong ("Unexpected X, expected Y"), `file`, `line`,
 * `column` and `place` say where, `ruleId` and `source` say what reported it, `fatal` holds the
 * severity (`severity` reads and writes it by name). `toJSON` gives the keys of FORMAT.md §6.
 *
 * A message is data: it is returned, not thrown. Errors that stop a command are `ShiplogError`s,
 * which are messages too (src/core/errors.ts).
 */
export class ShiplogMessage extends VFileMessage {
  /** The file, relative to the project root with `/`; `''` when the message is about no file. */
  declare file: string

  constructor(reason: string, options: ShiplogMessageOptions = {}) {
    // `VFileMessage` sets `stack` to '' (a message is about a file, not about shiplog's code):
    // the trace the `Error` constructor would capture first is not captured at all. A `check`
    // of 10,000 records makes ~58,000 messages.
    const limit = Error.stackTraceLimit
    Error.stackTraceLimit = 0
    try {
      super(reason, {
        ...(options.place ? { place: { line: options.place.line, column: options.place.column } } : {}),
        ...(options.ruleId === undefined ? {} : { ruleId: options.ruleId }),
        ...(options.source === undefined ? {} : { source: options.source }),
        ...(options.cause === undefined ? {} : { cause: options.cause as Error }),
      })
    } finally {
      Error.stackTraceLimit = limit
    }
    this.file = options.file ?? ''
    this.severity = options.severity ?? 'error'
    if (options.actual !== undefined) this.actual = options.actual
    if (options.expected !== undefined) this.expected = options.expected
    if (options.url !== undefined) this.url = options.url
  }

  /** The severity by name: `fatal` true is `error`, false `warning`, undefined `info`. */
  get severity(): Severity {
    return this.fatal === true ? 'error' : this.fatal === false ? 'warning' : 'info'
  }

  set severity(severity: Severity) {
    this.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined
  }

  /** The message `toJSON` wrote (a diagnostic of `check --format json`, a metrics warning): the inverse of `toJSON`. */
  static fromJSON(json: MessageJson): PlacedMessage {
    return new ShiplogMessage(json.message, {
      file: json.file,
      place: { line: json.line, column: json.column },
      ruleId: json.rule,
      severity: json.severity,
    }) as PlacedMessage
  }

  /**
   * The message as FORMAT.md §6 prints a diagnostic: `{file, line, column, rule, severity,
   * message}`, in that order (`message` is the reason, without the place). A message without a
   * place is at 1:1, one without a rule id has rule `''`.
   */
  toJSON(): MessageJson {
    return {
      file: this.file,
      line: this.line ?? 1,
      column: this.column ?? 1,
      rule: this.ruleId ?? '',
      severity: this.severity,
      message: this.reason,
    }
  }
}

/** A message at a place: `line` and `column` are set (every parse problem, report and warning is one). */
export type PlacedMessage = ShiplogMessage & Place & { ruleId: string }

/** The JSON of a message (FORMAT.md §6, a diagnostic of `check --format json`). */
export interface MessageJson {
  file: string
  line: number
  column: number
  rule: string
  severity: Severity
  message: string
}
