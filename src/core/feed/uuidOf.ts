import { fnv1a128 } from '../check/format/fnv1a128.ts'

/**
 * A UUID made from `text` (RFC 9562 version 8, the form for UUIDs a program derives its own way):
 * the 128-bit FNV-1a hash of the text with the version and variant bits set. The same text always
 * gives the same UUID, on every machine, so ids built from it stay stable across builds.
 *
 * @example
 *   uuidOf('payments-api\u00002.5.0\u0000production') // 'xxxxxxxx-xxxx-8xxx-[89ab]xxx-xxxxxxxxxxxx'
 */
export function uuidOf(text: string): string {
  const hex = fnv1a128(text)
  const variant = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20)}`
}
