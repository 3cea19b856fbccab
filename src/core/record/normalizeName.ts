import { cleanLabel } from './cleanLabel.ts'

/** The form in which stage, group and table names are compared: a clean label, lower-cased. */
export function normalizeName(name: string): string {
  return cleanLabel(name).toLowerCase()
}
