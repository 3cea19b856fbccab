/**
 * An instant as DevLake's documented date format, `2020-01-01T12:00:00+00:00` (UTC, whole seconds):
 * the form its webhook docs show and `ConvertStringToTime` (backend/core/models/common/iso8601time.go) reads.
 */
export function devlakeDate(date: Date): string {
  return `${date.toISOString().slice(0, 19)}+00:00`
}
