import { formatMessage } from './message/formatMessage.ts'
import { ShiplogMessage, type ShiplogMessageOptions } from './message/ShiplogMessage.ts'

/**
 * An error whose message is meant for the user: the CLI prints the message alone (no stack) and
 * exits with `exitCode` (1 for a failed operation, 2 for a usage or configuration error). Every
 * error shiplog throws on purpose is one.
 *
 * It is a `ShiplogMessage` with severity `error`: an error at a place in a file (a template, a
 * config file) carries it in `file`, `line`, `column` and `place`, `reason` says what is wrong,
 * and `message` is both in one line (`file:line:column: reason`, `formatMessage`), what the CLI
 * prints for every error.
 */
export class ShiplogError extends ShiplogMessage {
  readonly exitCode: number
  constructor(reason: string, exitCode = 1, options: Omit<ShiplogMessageOptions, 'severity'> = {}) {
    super(reason, { source: 'shiplog', ...options, severity: 'error' })
    this.name = 'ShiplogError'
    this.exitCode = exitCode
    this.message = formatMessage(this)
    // A VFileMessage has no stack; an error keeps one for --verbose and bug reports.
    Error.captureStackTrace(this, new.target)
  }
}
