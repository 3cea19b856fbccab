/** The anchor of a period's records under a figure on the metrics page: `lead-time--2026-w10`. */
export function periodAnchor(figureAnchor: string, period: string): string {
  return `${figureAnchor}--${period.toLowerCase()}`
}
