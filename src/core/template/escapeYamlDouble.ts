/**
 * Escapes a value for the inside of a double-quoted YAML string, so the string parses back to
 * the value: `\`, `"`, line breaks, tabs and other control characters are escaped, and so is
 * every brace of a `{{` (as `\x7B`), so no unfilled placeholder appears in the record.
 */
export function escapeYamlDouble(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i)
    const code = text.charCodeAt(i)
    if (ch === '\\') out += '\\\\'
    else if (ch === '"') out += '\\"'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (ch === '{' && (text.charAt(i + 1) === '{' || text.charAt(i - 1) === '{')) out += '\\x7B'
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) out += `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
    else if (code === 0x2028 || code === 0x2029 || code === 0xfeff) out += `\\u${code.toString(16).toUpperCase()}`
    else out += ch
  }
  return out
}
