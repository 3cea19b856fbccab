import { describe, expect, it } from 'vitest'
import { classifyGroup } from '../../src/core/record/classifyGroup.ts'
import type { YamlValue } from '../../src/core/record/types.ts'
import type { GroupRule } from '../../src/core/template/types.ts'

const data = (values: { [key: string]: YamlValue }): { [key: string]: YamlValue } => Object.assign(Object.create(null), values)

const rules: GroupRule[] = [
  { stage: 'Pre-Deployment Planning', group: ['Code & Testing', 'Infrastructure'], role: 'task', gate: 'approved' },
  { stage: 'Pre-Deployment Planning', group: 'Rollback Triggers', role: 'trigger' },
  { stage: 'Pre-Deployment Planning', group: 'Rollback Validation', role: 'task', gate: 'rolled-back', when: { status: 'rolled-back' } },
  { stage: 'Sign-off', group: '*', role: 'signoff', gate: 'closed', when: { incident: true, environment: ['production', 'dr'] } },
]

describe('classifyGroup', () => {
  it('should match names case-insensitively, ignoring surrounding and repeated whitespace and a trailing colon', () => {
    expect(classifyGroup(' pre-deployment  planning ', 'INFRASTRUCTURE:', rules, data({}))).toEqual({ role: 'task', gate: 'approved', active: true })
  })

  it('should report a trigger rule as a trigger without a gate', () => {
    expect(classifyGroup('Pre-Deployment Planning', 'Rollback Triggers', rules, data({}))).toEqual({ role: 'trigger', gate: null, active: true })
  })

  it('should make a task rule with when conditional, active only while the condition holds', () => {
    const group = ['Pre-Deployment Planning', 'Rollback Validation'] as const
    expect(classifyGroup(...group, rules, data({ status: 'Rolled-Back' }))).toEqual({ role: 'conditional', gate: 'rolled-back', active: true })
    expect(classifyGroup(...group, rules, data({ status: 'deployed' }))).toEqual({ role: 'conditional', gate: 'rolled-back', active: false })
    expect(classifyGroup(...group, rules, data({}))).toEqual({ role: 'conditional', gate: 'rolled-back', active: false })
  })

  it('should keep a non-task role with when, compare booleans as true/false and require every key', () => {
    expect(classifyGroup('Sign-off', 'Anything', rules, data({ incident: true, environment: 'DR' }))).toEqual({ role: 'signoff', gate: 'closed', active: true })
    expect(classifyGroup('Sign-off', 'Anything', rules, data({ incident: 'true', environment: 'production' })).active).toBe(true)
    expect(classifyGroup('Sign-off', 'Anything', rules, data({ incident: false, environment: 'production' })).active).toBe(false)
    expect(classifyGroup('Sign-off', 'Anything', rules, data({ incident: true })).active).toBe(false)
    expect(classifyGroup('Sign-off', 'Anything', rules, data({ incident: true, environment: ['production'] })).active).toBe(false)
  })

  it('should use the first matching rule', () => {
    const ordered: GroupRule[] = [
      { stage: 'Checks', group: '*', role: 'task', gate: 'deployed' },
      { stage: 'Checks', group: 'Later', role: 'trigger' },
    ]
    expect(classifyGroup('Checks', 'Later', ordered, data({}))).toEqual({ role: 'task', gate: 'deployed', active: true })
  })

  it('should read a group no rule names as an ungated task', () => {
    expect(classifyGroup('Pre-Deployment Planning', 'Risk Assessment', rules, data({}))).toEqual({ role: 'task', gate: null, active: true })
    expect(classifyGroup('Elsewhere', 'Infrastructure', rules, data({}))).toEqual({ role: 'task', gate: null, active: true })
  })
})
