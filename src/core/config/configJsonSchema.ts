import { z } from 'zod'
import { RULE_IDS } from '../check/ruleIds.ts'
import { configSchema } from './resolveConfig.ts'

/** Where the published schema of `shiplog.config.json` lives, relative to the package root. */
export const CONFIG_SCHEMA_PATH = 'schema/config.schema.json'

/**
 * The JSON Schema (draft-07) of `shiplog.config.json`, generated from the zod schema the
 * configuration is validated with, so the two cannot drift: `rules` lists every rule id and the
 * settings each accepts. Checks zod makes in code (a folder inside the project, a `fileName`
 * with `{version}`) are not expressible here; loading the configuration adds them.
 */
export function configJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(configSchema, { target: 'draft-7', unrepresentable: 'any' }) as Record<string, unknown>
  const { $schema, ...rest } = generated
  // The rule ids as an enum of `rules`' keys, which editors offer as completions.
  const rules = (rest['properties'] as { [key: string]: { [key: string]: unknown } } | undefined)?.['rules']
  if (rules) rules['propertyNames'] = { enum: [...RULE_IDS] }
  return {
    $schema,
    $comment: 'Generated from src/core/config/resolveConfig.ts by `npm run generate`; do not edit.',
    ...rest,
  }
}

/** The schema file's exact text. */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`
}
