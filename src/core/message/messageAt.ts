import { ShiplogMessage, type Place, type PlacedMessage, type Severity } from './ShiplogMessage.ts'

/**
 * A message with a place and a rule id, the shape every parse problem, check report and metrics
 * warning has. `file` may be `''` while the reader does not know it yet (the record parser sets it).
 */
export function messageAt(
  reason: string,
  at: { file?: string; place: Place; ruleId: string; severity?: Severity; source?: string },
): PlacedMessage {
  return new ShiplogMessage(reason, { source: 'shiplog', ...at }) as PlacedMessage
}
