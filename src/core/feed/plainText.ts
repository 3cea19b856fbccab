import { NOT_XML } from '../check/format/junit.ts'

/**
 * Record text as the feed and the calendar carry it: line breaks as LF (XML parsers fold CR into
 * LF anyway, iCalendar writes `\n`), and without the characters neither format can hold, even
 * escaped (C0 controls but tab and LF, U+FFFE, U+FFFF, lone surrogates).
 */
export function plainText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(NOT_XML, '')
}
