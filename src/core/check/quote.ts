/** Text as messages quote it: one line, backticks swapped, at most `max` characters. */
export function quote(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim().replace(/`/g, "'")
  return `\`${line.length > max ? `${line.slice(0, max - 1)}…` : line}\``
}
