import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { releaseJsonSchema, releaseJsonSchemaText } from '../../src/core/check/releaseJsonSchema.ts'

const committed = readFileSync(fileURLToPath(new URL('../../schema/release.schema.json', import.meta.url)), 'utf8')

interface Property {
  type?: string | string[]
  pattern?: string
  enum?: string[]
  anyOf?: Property[]
}

describe('releaseJsonSchema', () => {
  it('should equal the committed schema/release.schema.json (regenerate: npm run generate)', () => {
    expect(committed).toBe(releaseJsonSchemaText())
  })

  it('should be a draft-07 schema requiring the keys of FORMAT.md §2 and allowing unknown keys', () => {
    const schema = releaseJsonSchema()
    expect(schema['$schema']).toBe('http://json-schema.org/draft-07/schema#')
    expect(schema['type']).toBe('object')
    expect(schema['required']).toEqual(['release', 'version', 'component', 'release_type', 'environment', 'status', 'scheduled', 'owner'])
    expect(schema['additionalProperties']).toEqual({})
  })

  it('should carry enums and patterns an editor can check', () => {
    const properties = releaseJsonSchema()['properties'] as { [key: string]: Property }
    expect(properties['environment']?.enum).toEqual(['staging', 'production', 'dr'])
    expect(properties['status']?.anyOf?.[0]?.enum).toEqual(['planned', 'approved', 'in-progress', 'deployed', 'verified', 'closed', 'rolled-back', 'failed', 'cancelled'])
    // Read trimmed and case-insensitively: another spelling is a warning from check, not an editor error.
    const status = new RegExp(properties['status']?.anyOf?.[1]?.pattern ?? '$^')
    expect(['Closed', ' closed ', 'ROLLED-BACK'].every((value) => status.test(value))).toBe(true)
    expect(['shipped', 'rolled back', 'closed-ish'].some((value) => status.test(value))).toBe(false)
    expect(properties['incident']?.type).toEqual(['boolean', 'null'])
    const releaseType = new RegExp(properties['release_type']?.anyOf?.[1]?.pattern ?? '$^')
    expect(['major', 'Hotfix', 'PATCH'].every((value) => releaseType.test(value))).toBe(true)
    expect(releaseType.test('small')).toBe(false)
    const scheduled = new RegExp(properties['scheduled']?.pattern ?? '$^', 'u')
    expect(scheduled.test('2026-03-04T14:00:00+01:00')).toBe(true)
    expect(scheduled.test('2026-03-04T14:00:00')).toBe(true) // no offset: a warning from check, not an editor error
    expect(scheduled.test('2026-03-04')).toBe(false)
    expect(scheduled.test('2026-13-04T14:00:00Z')).toBe(false)
  })
})
