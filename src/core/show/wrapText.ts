/**
 * Text broken into lines of at most `width` characters at spaces: the first line starts with
 * `first`, the others with `rest` (a hanging indent). A word longer than a line stays whole on a
 * line of its own (an address is not cut). Characters are counted as UTF-16 units.
 */
export function wrapText(text: string, width: number, first = '', rest = first): string[] {
  const words = text.split(/\s+/).filter((word) => word !== '')
  const lines: string[] = []
  let line = first
  let empty = true
  for (const word of words) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line)
      line = rest
      empty = true
    }
    line += empty ? word : ` ${word}`
    empty = false
  }
  lines.push(line)
  return lines
}
