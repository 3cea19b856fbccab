/**
 * An error whose message is meant for the user: the CLI prints the message alone (no stack) and
 * exits with `exitCode` (1 for a failed operation, 2 for a usage or configuration error).
 */
export class ShiplogError extends Error {
  readonly exitCode: number
  constructor(message: string, exitCode = 1) {
    super(message)
    this.name = 'ShiplogError'
    this.exitCode = exitCode
  }
}
