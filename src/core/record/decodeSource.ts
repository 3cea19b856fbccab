import { messageAt } from '../message/messageAt.ts'
import type { PlacedMessage } from '../message/ShiplogMessage.ts'

export type DecodedSource = { ok: true; text: string } | { ok: false; problem: PlacedMessage }

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/**
 * Turns a record's bytes (or text) into text ready to parse: UTF-8 decoded strictly, a leading
 * BOM dropped, CRLF and lone CR turned into LF (one line break stays one line break, so line
 * numbers match the file). NUL bytes or invalid UTF-8 give an `encoding` problem instead.
 */
export function decodeSource(source: string | Uint8Array): DecodedSource {
  let text: string
  if (typeof source === 'string') {
    const nul = source.indexOf('\0')
    if (nul !== -1) return binary(pointInText(source, nul), `character ${nul}`)
    text = source
  } else {
    const nul = source.indexOf(0)
    if (nul !== -1) return binary(pointInBytes(source, nul), `byte ${nul}`)
    const bad = firstInvalidUtf8(source)
    if (bad !== -1) {
      return {
        ok: false,
        problem: messageAt(`Unexpected invalid UTF-8 at byte ${bad}, expected UTF-8 text`, { place: pointInBytes(source, bad), ruleId: 'encoding' }),
      }
    }
    text = decoder.decode(source)
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  return { ok: true, text: text.replace(/\r\n?/g, '\n') }
}

function binary(at: { line: number; column: number }, where: string): DecodedSource {
  return {
    ok: false,
    problem: messageAt(`Unexpected binary content (a NUL byte at ${where}), expected UTF-8 text`, { place: at, ruleId: 'encoding' }),
  }
}

/** Offset of the first byte of the first malformed UTF-8 sequence, or -1 when the bytes are valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0
  while (index < bytes.length) {
    const lead = bytes[index] as number
    if (lead < 0x80) {
      index++
      continue
    }
    let size: number
    let low = 0x80
    let high = 0xbf
    if (lead >= 0xc2 && lead <= 0xdf) size = 2
    else if (lead >= 0xe0 && lead <= 0xef) {
      size = 3
      if (lead === 0xe0) low = 0xa0
      if (lead === 0xed) high = 0x9f
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      size = 4
      if (lead === 0xf0) low = 0x90
      if (lead === 0xf4) high = 0x8f
    } else return index
    for (let next = 1; next < size; next++) {
      const byte = bytes[index + next]
      if (byte === undefined || byte < low || byte > high) return index
      low = 0x80
      high = 0xbf
    }
    index += size
  }
  return -1
}

/** Line and column (UTF-16 units, 1-based) of a byte offset in valid-up-to-there UTF-8. */
function pointInBytes(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let index = 0; index < offset; index++) {
    if (bytes[index] === 0x0a || (bytes[index] === 0x0d && bytes[index + 1] !== 0x0a)) {
      line++
      lineStart = index + 1
    }
  }
  const before = new TextDecoder('utf-8', { ignoreBOM: line !== 1 }).decode(bytes.subarray(lineStart, offset))
  return { line, column: before.length + 1 }
}

function pointInText(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).replace(/\r\n?/g, '\n')
  const lineStart = before.lastIndexOf('\n') + 1
  const line = before.split('\n').length
  const column = before.length - lineStart + 1 - (line === 1 && before.charCodeAt(0) === 0xfeff ? 1 : 0)
  return { line, column }
}
