import type { ShiplogMessage } from './ShiplogMessage.ts'

/**
 * A message as one line of text, the way shiplog prints every problem that has a place:
 * `file:line:column: reason` (the parts it has: `file: reason`, `line:column: reason`, or the
 * reason alone).
 */
export function formatMessage(message: Pick<ShiplogMessage, 'file' | 'line' | 'column' | 'reason'>): string {
  const point = message.line === undefined ? '' : `${message.line}:${message.column ?? 1}`
  const place = [message.file, point].filter((part) => part !== '').join(':')
  return place === '' ? message.reason : `${place}: ${message.reason}`
}
