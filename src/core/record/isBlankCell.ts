import { findPlaceholders } from './findPlaceholders.ts'

/*
 * Cells (and scalar values) with nothing to read. Two different things look alike here:
 * - an *unfilled* cell still waits for its value: it is empty, or holds template placeholders and
 *   nothing meaningful besides (FORMAT.md §3). A row of unfilled cells is an unfilled row.
 * - a *no-value* cell is filled, by someone saying there is nothing: `-`, `—`, `N/A`, `none`,
 *   `TBD`, `pending`, `unknown`, `?`.
 * Both are *blank*: skipped by the readers of values (metrics, check's table rules, sign-off
 * names), never read as zero and never reported as unreadable.
 */

const MEANINGFUL = /[\p{L}\p{N}]/u
const WORD_BEFORE = /[\p{L}\p{N}]+$/u
const WORD_AFTER = /^[\p{L}\p{N}]+/u
const NO_VALUE = /^(?:-+|–|—|_+|\?+|\.{3}|…|n\/?a|none|tbd|tba|todo|pending|unknown)$/i

/**
 * Whether a cell still waits to be filled in: it is empty, or it holds a placeholder and no letter
 * or digit outside placeholders (`{{rate}}%`, `< {{limit}}ms`). Letters and digits written
 * against a placeholder, like the unit in `{{limit}}ms`, belong to it.
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

/**
 * Whether a cell says there is no value (case-insensitive, trimmed): dashes (`-`, `--`, `–`, `—`),
 * `_`, `?`, `...`, `…`, `N/A`, `NA`, `none`, `TBD`, `TBA`, `TODO`, `pending` or `unknown`.
 */
export function isNoValueCell(text: string): boolean {
  return NO_VALUE.test(text.trim())
}

/** Whether a cell has nothing to read: unfilled (`isUnfilledCell`) or saying so (`isNoValueCell`). */
export function isBlankCell(text: string): boolean {
  return isNoValueCell(text) || isUnfilledCell(text)
}
