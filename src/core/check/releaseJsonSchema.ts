import { z } from 'zod'
import { frontmatterSchema } from './frontmatterSchema.ts'

/** Where the published schema lives, relative to the package root. */
export const RELEASE_SCHEMA_PATH = 'schema/release.schema.json'

/**
 * The JSON Schema (draft-07, which editors' YAML support reads best) of record frontmatter,
 * generated from the zod schema `frontmatter-schema` validates with, so the two cannot drift.
 * Calendar checks (`2026-02-30`) and the warnings (non-semver version, missing offset) are not
 * expressible here; `shiplog check` adds them.
 */
export function releaseJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(frontmatterSchema, { target: 'draft-7' }) as Record<string, unknown>
  const { $schema, ...rest } = generated
  return {
    $schema,
    $comment: 'Generated from src/core/check/frontmatterSchema.ts by `npm run generate`; do not edit.',
    ...rest,
  }
}

/** The schema file's exact text. */
export function releaseJsonSchemaText(): string {
  return `${JSON.stringify(releaseJsonSchema(), null, 2)}\n`
}
