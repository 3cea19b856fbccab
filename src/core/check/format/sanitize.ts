/**
 * Text from a record made safe for one line of terminal or log output: line breaks and tabs become
 * spaces, other control characters are dropped (so no ANSI escape sequence reaches the terminal).
 */
export function oneLine(text: string): string {
  return text.replace(/[\t\n\r\v\f\u2028\u2029]+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim()
}
