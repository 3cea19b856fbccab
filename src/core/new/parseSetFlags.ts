import { ShiplogError } from '../errors.ts'

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/** Turns repeated `--set key=value` flags into values; an empty value counts as not given. */
export function parseSetFlags(flags: string[]): { [name: string]: string } {
  const values: { [name: string]: string } = Object.create(null)
  for (const flag of flags) {
    const eq = flag.indexOf('=')
    const key = eq === -1 ? flag : flag.slice(0, eq)
    if (eq === -1 || !NAME.test(key)) {
      throw new ShiplogError(`Unexpected --set ${JSON.stringify(flag)}: expected key=value with a key of letters, digits and _ (e.g. --set owner=payments-team)`, 2)
    }
    const value = flag.slice(eq + 1)
    if (value !== '') values[key] = value
  }
  return values
}
