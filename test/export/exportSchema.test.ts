import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { EXPORT_COLUMNS, duckDbColumns } from '../../src/core/export/exportColumns.ts'
import { exportJsonSchemaText } from '../../src/core/export/exportJsonSchema.ts'
import { exportChangeSchema, exportDeploymentSchema, exportIncidentSchema } from '../../src/core/export/exportSchema.ts'

const committed = readFileSync(fileURLToPath(new URL('../../schema/export.schema.json', import.meta.url)), 'utf8')

describe('the export schema', () => {
  it('should equal the committed schema/export.schema.json (regenerate: npm run generate)', () => {
    expect(committed).toBe(exportJsonSchemaText())
  })

  it('should give every line the schema version, kind, repository, component, environment, file and line', () => {
    const schema = JSON.parse(committed) as { oneOf: Array<{ required: string[]; properties: { [key: string]: { const?: string } } }> }
    expect(schema.oneOf.map((branch) => branch.properties['kind']?.const)).toEqual(['deployment', 'change', 'incident'])
    for (const branch of schema.oneOf) {
      expect(branch.properties['schema']?.const).toBe('shiplog.export/1')
      expect(branch.required).toEqual(expect.arrayContaining(['schema', 'kind', 'repository', 'component', 'environment', 'deployment_id', 'file', 'line']))
    }
  })

  it('should have one SQL column per key of the three kinds, and no other', () => {
    const keys = new Set([exportDeploymentSchema, exportChangeSchema, exportIncidentSchema].flatMap((schema) => Object.keys(schema.shape)))
    expect(new Set(EXPORT_COLUMNS.map(([name]) => name))).toEqual(keys)
    expect(EXPORT_COLUMNS).toHaveLength(keys.size)
    expect(duckDbColumns().startsWith("{schema: 'VARCHAR', kind: 'VARCHAR', repository: 'VARCHAR'")).toBe(true)
  })
})
