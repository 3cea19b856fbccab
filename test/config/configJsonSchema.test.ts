import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { configJsonSchema, configJsonSchemaText } from '../../src/core/config/configJsonSchema.ts'

const committed = readFileSync(fileURLToPath(new URL('../../schema/config.schema.json', import.meta.url)), 'utf8')

interface Schema {
  properties?: { [key: string]: Schema }
  propertyNames?: { enum?: string[] }
  additionalProperties?: unknown
  anyOf?: Array<{ const?: unknown; enum?: unknown[] }>
}

describe('configJsonSchema', () => {
  it('should equal the committed schema/config.schema.json (regenerate: npm run generate)', () => {
    expect(committed).toBe(configJsonSchemaText())
  })

  it('should list the rule ids as an enum and the settings each rule accepts', () => {
    const rules = (configJsonSchema() as Schema).properties?.['rules']
    expect(rules?.additionalProperties).toBe(false)
    expect(rules?.propertyNames?.enum).toEqual([
      'frontmatter-schema',
      'numeric-version',
      'template-choice',
      'unfilled-placeholder',
      'status-gate',
      'missing-group',
      'unknown-group',
      'signoff',
      'table-shape',
      'table-cell',
      'restored-before-deploy',
      'rollback-without-issue',
      'missing-deploy-time',
      'duplicate-release',
      'overdue-action-item',
      'implausible-date',
    ])
    expect(rules?.properties?.['table-cell']?.anyOf).toEqual([
      { type: 'string', enum: ['off', 'warn', 'error'] },
      { type: 'number', const: 0 },
      { type: 'number', const: 1 },
      { type: 'number', const: 2 },
    ])
    expect(rules?.properties?.['status-gate']?.anyOf).toEqual([
      { type: 'string', const: 'error' },
      { type: 'number', const: 2 },
    ])
  })
})
