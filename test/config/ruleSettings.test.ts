import { describe, expect, it } from 'vitest'
import { RULE_IDS } from '../../src/core/check/ruleIds.ts'
import { rules } from '../../src/core/check/rules/index.ts'
import { resolveConfig } from '../../src/core/config/resolveConfig.ts'
import { ShiplogError } from '../../src/core/errors.ts'

const ALL_IDS =
  '`frontmatter-schema`, `numeric-version`, `template-choice`, `unfilled-placeholder`, `status-gate`, `missing-group`, `unknown-group`, `signoff`, `table-shape`, `table-cell`, `restored-before-deploy`, `rollback-without-issue`, `missing-deploy-time`, `duplicate-release`, `overdue-action-item`, `implausible-date`'

function failure(config: unknown): ShiplogError {
  try {
    resolveConfig(config, 'shiplog.config.json')
  } catch (error) {
    if (error instanceof ShiplogError) return error
    throw error
  }
  throw new Error('expected a configuration error')
}

describe('rules in the configuration', () => {
  it('should list the same rule ids as the rules that run', () => {
    expect([...RULE_IDS]).toEqual(rules.map((rule) => rule.id))
  })

  it('should accept off, warn, error and ESLint 0, 1, 2 for a rule that is not the gate', () => {
    const config = resolveConfig({ rules: { 'unfilled-placeholder': 'off', 'table-cell': 'error', 'unknown-group': 0, 'numeric-version': 1, 'status-gate': 2, 'missing-group': 'error' } }, 'shiplog.config.json')
    expect(config.rules).toEqual({ 'unfilled-placeholder': 'off', 'table-cell': 'error', 'unknown-group': 0, 'numeric-version': 1, 'status-gate': 2, 'missing-group': 'error' })
  })

  it('should accept a $schema key for editors and ignore it', () => {
    expect(resolveConfig({ $schema: './node_modules/shiplog/schema/config.schema.json', rules: { 'table-cell': 'off' } }, 'shiplog.config.json').rules).toEqual({ 'table-cell': 'off' })
  })

  it('should refuse an unknown rule id with exit 2, naming the file, the key, the closest id and every id', () => {
    const error = failure({ rules: { 'unfiled-placeholder': 'off' } })
    expect(error.exitCode).toBe(2)
    expect(error.message).toBe(
      `Invalid configuration:\nshiplog.config.json: \`rules\`: Unexpected rule \`unfiled-placeholder\` (did you mean \`unfilled-placeholder\`?), expected one of ${ALL_IDS}`,
    )
  })

  it('should offer no guess for an id like none of the rules', () => {
    expect(failure({ rules: { 'no-console': 'off' } }).message).toBe(`Invalid configuration:\nshiplog.config.json: \`rules\`: Unexpected rule \`no-console\`, expected one of ${ALL_IDS}`)
  })

  it('should refuse an unknown severity', () => {
    const error = failure({ rules: { 'table-cell': 'warning' } })
    expect(error.exitCode).toBe(2)
    expect(error.message).toBe("Invalid configuration:\nshiplog.config.json: `rules.table-cell`: Unexpected \"warning\" for rule `table-cell`, expected `off`, `warn` or `error` (or ESLint's 0, 1, 2)")
    expect(failure({ rules: { 'table-cell': 3 } }).message).toContain('`rules.table-cell`: Unexpected 3 for rule `table-cell`')
  })

  it.each([
    ['status-gate', 'off'],
    ['missing-group', 'warn'],
    ['signoff', 0],
    ['status-gate', 1],
  ])('should refuse to turn the gate rule %s to %s', (id, setting) => {
    const error = failure({ rules: { [id]: setting } })
    expect(error.exitCode).toBe(2)
    expect(error.message).toBe(
      `Invalid configuration:\nshiplog.config.json: \`rules.${id}\`: Unexpected ${JSON.stringify(setting)} for rule \`${id}\`, expected \`error\`: it is the release gate (FORMAT.md §4), so it cannot be turned off or lowered to a warning`,
    )
  })
})
