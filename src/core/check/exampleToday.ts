/** The day rule examples are checked on (`today`), so that dates in them pass or not the same way every day. */
export const EXAMPLE_TODAY = '2026-04-01'
