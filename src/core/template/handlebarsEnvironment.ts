import Handlebars from 'handlebars'
import { conditionHelpers } from './conditionHelpers.ts'

let environment: typeof Handlebars | undefined

/**
 * The isolated Handlebars environment templates run in: Handlebars' own block helpers and
 * `lookup`, plus the condition helpers; no `log` helper and no `inline` decorator.
 */
export function handlebarsEnvironment(): typeof Handlebars {
  if (environment) return environment
  const env = Handlebars.create()
  env.unregisterHelper('log')
  ;(env as unknown as { unregisterDecorator(name: string): void }).unregisterDecorator('inline')
  for (const [name, helper] of Object.entries(conditionHelpers)) env.registerHelper(name, helper)
  environment = env
  return env
}
