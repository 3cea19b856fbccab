import { z } from 'zod'
import { exportRowSchema } from './exportSchema.ts'

/** Where the published schema of `shiplog export`'s lines lives, relative to the package root. */
export const EXPORT_SCHEMA_PATH = 'schema/export.schema.json'

/**
 * The JSON Schema (draft-07) of one line of `shiplog export`, generated from the zod schema the
 * rows are typed by (`exportRowSchema`), so the two cannot drift.
 */
export function exportJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(exportRowSchema, { target: 'draft-7' }) as Record<string, unknown>
  const { $schema, ...rest } = generated
  return {
    $schema,
    $comment: 'Generated from src/core/export/exportSchema.ts by `npm run generate`; do not edit.',
    title: 'shiplog export line (shiplog.export/1)',
    ...rest,
  }
}

/** The schema file's exact text. */
export function exportJsonSchemaText(): string {
  return `${JSON.stringify(exportJsonSchema(), null, 2)}\n`
}
