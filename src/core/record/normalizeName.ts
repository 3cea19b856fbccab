import { cleanLabel } from './cleanLabel.ts'

/** Names already normalized: the same stage, group and table names recur in every record of a template. */
const known = new Map<string, string>()
/** Beyond this many names, new ones are normalized without being kept. */
const KNOWN_LIMIT = 10_000

/** The form in which stage, group and table names are compared: a clean label, lower-cased. */
export function normalizeName(name: string): string {
  const cached = known.get(name)
  if (cached !== undefined) return cached
  const normal = cleanLabel(name).toLowerCase()
  if (known.size < KNOWN_LIMIT && name.length <= 200) known.set(name, normal)
  return normal
}
