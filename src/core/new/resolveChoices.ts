import { ShiplogError } from '../errors.ts'
import { matchChoice, unexpectedChoice } from '../template/matchChoice.ts'
import type { TemplateVariable } from '../template/types.ts'

/**
 * The values with every value of a variable with declared `choices` written in the template's
 * spelling of the choice it names, compared as a keyword (`matchChoice`: ` High ` is `high`).
 * A value naming none is a ShiplogError (exit 2) of one line naming where it came from
 * (`origins`: `values.yaml:3:10`, `--set variant=bogus`), the variable, the value and the choices.
 * An empty or null value counts as not given and is kept as it is.
 */
export function resolveChoices(
  variables: { readonly [name: string]: TemplateVariable },
  values: { readonly [name: string]: unknown },
  origins: { readonly [name: string]: string } = {},
): { [name: string]: unknown } {
  const resolved: { [name: string]: unknown } = Object.create(null)
  for (const [name, value] of Object.entries(values)) {
    const choices = Object.hasOwn(variables, name) ? variables[name]?.choices : undefined
    if (choices === undefined || value === null || value === undefined || value === '') {
      resolved[name] = value
      continue
    }
    const choice = matchChoice(value, choices)
    if (choice === null) {
      const origin = Object.hasOwn(origins, name) ? origins[name] : undefined
      throw new ShiplogError(`${origin !== undefined ? `${origin}: ` : ''}${unexpectedChoice(name, value, choices)}`, 2)
    }
    resolved[name] = choice
  }
  return resolved
}
