import { describe, expect, it } from 'vitest'
import * as template from '../../src/core/template/index.ts'

describe('template', () => {
  it('should expose exactly the public API', () => {
    expect(Object.keys(template).sort()).toEqual(['DEFAULT_TABLES', 'TemplateError', 'parseManifest', 'renderTemplate', 'templateVariables'])
  })
})
