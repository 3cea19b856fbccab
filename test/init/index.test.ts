import { describe, expect, it } from 'vitest'
import * as api from '../../src/index.ts'
import * as init from '../../src/core/init/index.ts'

describe('src/core/init/index.ts', () => {
  it('should export the init planning API and nothing else', () => {
    expect(Object.keys(init).sort()).toEqual([
      'CI_WORKFLOW',
      'CONFIG_JSON',
      'CONFIG_TS',
      'IGNORED',
      'RELEASES_DIR',
      'SCRIPTS',
      'TEMPLATES_DIR',
      'WORKFLOW_PATH',
      'formatInitReport',
      'planInit',
      'webUrl',
    ])
  })

  it('should put planning, reading and writing in the public API', () => {
    for (const name of ['planInit', 'formatInitReport', 'readInitContext', 'writeInit']) expect(api).toHaveProperty(name)
  })
})
