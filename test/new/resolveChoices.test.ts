import { describe, expect, it } from 'vitest'
import { ShiplogError } from '../../src/core/errors.ts'
import { planRecord } from '../../src/core/new/planRecord.ts'
import { resolveChoices } from '../../src/core/new/resolveChoices.ts'
import type { TemplateManifest } from '../../src/core/template/types.ts'

const manifest: TemplateManifest = {
  name: 'mini',
  description: '',
  variables: {
    variant: { description: 'Variant', required: true, choices: ['standard', 'professional-services'] },
    owner: { description: 'Owner' },
  },
  groups: [],
  tables: { timeline: 'Deployment Timeline', issues: 'Issues Encountered' },
}
const template = { name: 'mini', file: 'templates/mini.md', source: '---\nvariant: "{{variant}}"\nowner: "{{owner}}"\n---\n', manifest }

function plan(values: { [name: string]: unknown }, origins?: { [name: string]: string }) {
  return planRecord({ template, version: '1.0.0', values, ...(origins ? { origins } : {}), releasesDir: 'releases', fileName: '{version}.md', now: new Date('2026-11-24T12:00:00Z') })
}

function thrown(fn: () => unknown): ShiplogError {
  try {
    fn()
  } catch (error) {
    if (error instanceof ShiplogError) return error
    throw error
  }
  throw new Error('expected a ShiplogError')
}

describe('choices when planning a record', () => {
  it('should refuse an answer from the prompt outside the choices, naming the prompt', () => {
    const error = thrown(() => plan({ variant: 'bogus' }, { variant: 'prompt for variant' }))
    expect(error.exitCode).toBe(2)
    expect(error.message).toBe('prompt for variant: Unexpected variant `bogus`, expected one of standard, professional-services')
  })

  it('should write the choice in the template spelling', () => {
    expect(plan({ variant: ' Professional-Services ' }).text).toBe('---\nvariant: "professional-services"\nowner: "{{owner}}"\n---\n')
  })

  it('should leave values of variables without choices, and empty values, as given', () => {
    expect(resolveChoices(manifest.variables, { owner: 'Bogus', variant: '' })).toEqual({ owner: 'Bogus', variant: '' })
  })

  it('should refuse a list where a choice is expected', () => {
    expect(thrown(() => resolveChoices(manifest.variables, { variant: ['standard'] }, { variant: 'v.yaml:1:10' })).message).toBe(
      'v.yaml:1:10: Unexpected variant `["standard"]`, expected one of standard, professional-services',
    )
  })
})
