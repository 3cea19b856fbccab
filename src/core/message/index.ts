export { ShiplogMessage, type MessageJson, type Place, type PlacedMessage, type Severity, type ShiplogMessageOptions } from './ShiplogMessage.ts'
export { messageAt } from './messageAt.ts'
export { formatMessage } from './formatMessage.ts'
