import { ShiplogMessage, type MessageJson, type PlacedMessage } from '../../src/core/message/ShiplogMessage.ts'

/** Messages from their FORMAT.md §6 JSON (`ShiplogMessage.fromJSON`), for results built by hand. */
export function messages(list: MessageJson[]): PlacedMessage[] {
  return list.map((json) => ShiplogMessage.fromJSON(json))
}

/** Messages as their FORMAT.md §6 JSON, to compare with values worked out by hand. */
export function jsonOf(list: readonly ShiplogMessage[]): MessageJson[] {
  return list.map((message) => message.toJSON())
}

/** A record's problems as `{line, column, rule, severity, message}` (their JSON without the record's file). */
export function problemsOf(list: readonly ShiplogMessage[]): Array<Omit<MessageJson, 'file'>> {
  return list.map((message) => {
    const { line, column, rule, severity, message: text } = message.toJSON()
    return { line, column, rule, severity, message: text }
  })
}
