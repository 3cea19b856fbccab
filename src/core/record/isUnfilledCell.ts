import { findPlaceholders } from './findPlaceholders.ts'

const MEANINGFUL = /[\p{L}\p{N}]/u
const WORD_BEFORE = /[\p{L}\p{N}]+$/u
const WORD_AFTER = /^[\p{L}\p{N}]+/u

/**
 * Whether a table cell's text still waits to be filled in: it is empty, or it holds a
 * placeholder and no letter or digit outside placeholders (`{{rate}}%`, `< {{limit}}ms`).
 * Letters and digits written against a placeholder, like the unit in `{{limit}}ms`, belong to it.
 */
export function isUnfilledCell(text: string): boolean {
  if (text.trim() === '') return true
  const placeholders = findPlaceholders(text)
  if (placeholders.length === 0) return false
  const pieces: string[] = []
  let from = 0
  for (const placeholder of placeholders) {
    pieces.push(text.slice(from, placeholder.offset).replace(WORD_BEFORE, ''))
    from = placeholder.end
    const after = WORD_AFTER.exec(text.slice(from))
    if (after) from += after[0].length
  }
  pieces.push(text.slice(from))
  return !pieces.some((piece) => MEANINGFUL.test(piece))
}
