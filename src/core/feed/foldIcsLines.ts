/**
 * Folds iCalendar content lines at 75 octets (RFC 5545 §3.1): a line longer than that goes on in
 * lines that start with a space. The same folding as ical-generator's `foldLines`, character for
 * character (a character whose UTF-8 would cross the limit starts the next line; a surrogate pair
 * is one character, a lone surrogate counts as U+FFFD's three octets), computed from the UTF-16
 * code units instead of encoding each character: `foldLines` builds a `TextEncoder` per
 * character, ~0.3 ms per calendar event.
 */
export function foldIcsLines(input: string): string {
  const lines = input.split('\r\n')
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string
    if (line.length <= 74 && isAscii(line)) continue
    let folded = ''
    let octets = 0
    let from = 0
    for (let i = 0; i < line.length; i++) {
      const code = line.charCodeAt(i)
      let size: number
      if (code < 0x80) size = 1
      else if (code < 0x800) size = 2
      else if (code >= 0xd800 && code <= 0xdbff && i + 1 < line.length) {
        // A high surrogate takes the next code unit with it, a low surrogate (a pair: 4 octets) or not.
        const next = line.charCodeAt(i + 1)
        size = next >= 0xdc00 && next <= 0xdfff ? 4 : 3 + utf8Size(next)
      } else size = 3
      octets += size
      if (octets > 74) {
        folded += `${line.slice(from, i)}\r\n `
        from = i
        octets = size
      }
      // (Only a high surrogate with the code unit after it takes 4 octets or more.)
      if (size >= 4) i++
    }
    lines[index] = folded + line.slice(from)
  }
  return lines.join('\r\n')
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false
  return true
}

/** UTF-8 octets of one UTF-16 code unit on its own (a surrogate alone is U+FFFD: 3). */
function utf8Size(code: number): number {
  return code < 0x80 ? 1 : code < 0x800 ? 2 : 3
}
