import { describe, expect, it } from 'vitest'
import * as check from '../../src/core/check/index.ts'

describe('src/core/check/index.ts', () => {
  it('should export the check API and nothing else', () => {
    expect(Object.keys(check).sort()).toEqual([
      'CHECK_FORMATS',
      'CHECK_RULES',
      'CheckUsageError',
      'ExitCode',
      'RELEASE_SCHEMA_PATH',
      'REQUIRED_KEYS',
      'checkRecords',
      'compareDiagnostics',
      'createChecker',
      'exitCode',
      'formatCheckResult',
      'formatGithub',
      'formatGitlab',
      'formatJobSummary',
      'formatJson',
      'formatJunit',
      'formatSarif',
      'formatText',
      'frontmatterSchema',
      'isCheckFormat',
      'releaseJsonSchema',
      'releaseJsonSchemaText',
      'ruleDocsUrl',
      'rules',
    ])
  })
})
