import { messageAt } from '../message/messageAt.ts'
import type { PlacedMessage } from '../message/ShiplogMessage.ts'
import type { Point } from '../record/types.ts'

/** A warning about a record's content at `point`, met while measuring (source `shiplog-metrics`). */
export function diagnostic(file: string, point: Point, rule: string, message: string): PlacedMessage {
  return messageAt(message, { file, place: { line: point.line, column: point.column }, ruleId: rule, severity: 'warning', source: 'shiplog-metrics' })
}
