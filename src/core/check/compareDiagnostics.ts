import type { PlacedMessage } from '../message/ShiplogMessage.ts'

/** Orders messages by file, line, column, then rule and reason (a stable, total order). */
export function compareDiagnostics(a: PlacedMessage, b: PlacedMessage): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.ruleId, b.ruleId) || compareText(a.reason, b.reason)
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
