/**
 * At most this many characters per route segment: every generated file is named after a route
 * (`<id>.md`, `<id>.json`, `<id>.txt`, `<id>.html`) and must stay under the 255 bytes a file
 * name may have, whatever a record's file name or component holds.
 */
export const MAX_ROUTE_SEGMENT = 100

/**
 * One segment of a route id: accents dropped, lower-cased, anything outside `a-z 0-9 . _ -`
 * turned into `-`, at most `MAX_ROUTE_SEGMENT` characters, no `-`, `.` or `_` at the start and
 * no `-` or `.` at the end. May be empty.
 */
export function routeSegment(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-._]+/, '')
    .slice(0, MAX_ROUTE_SEGMENT)
    .replace(/[-.]+$/, '')
}
