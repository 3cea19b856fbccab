import { describe, expect, it } from 'vitest'
import * as api from '../../src/index.ts'
import * as templates from '../../src/core/check/templates/index.ts'

describe('src/core/check/templates/index.ts', () => {
  it('should export the template authoring API and nothing else', () => {
    expect(Object.keys(templates).sort()).toEqual(['BUILT_IN_VARIABLES', 'checkTemplates', 'formatTemplateList', 'listTemplates', 'templateOutline', 'validateTemplate'])
  })

  it('should be part of the public API', () => {
    for (const name of Object.keys(templates)) expect(api).toHaveProperty(name)
  })
})
