import { describe, expect, it } from 'vitest'
import { groupLabeler } from '../../src/core/record/groupLabeler.ts'
import type { Group, Stage } from '../../src/core/record/types.ts'

const group = (stage: string, name: string): Group => ({ name, stage, role: 'task', gate: 'approved', active: true, required: false, items: [], line: 1, column: 1 })
const stage = (name: string, ...groups: string[]): Stage => ({ name, groups: groups.map((g) => group(name, g)), line: 1, column: 1 })

describe('groupLabeler', () => {
  const label = groupLabeler({ stages: [stage('Step 5', 'Checklist', 'Notes'), stage('Step 6', 'checklist:', 'Smoke tests'), stage('Step 7', ' CHECKLIST ::')] })

  it('should qualify a group with its stage when another group has the same name (case, spaces, colon aside)', () => {
    expect(label(group('Step 6', 'checklist:'))).toBe('Step 6 › checklist:')
    expect(label(group('Step 5', 'Checklist'))).toBe('Step 5 › Checklist')
    expect(label(group('Step 7', ' CHECKLIST ::'))).toBe('Step 7 ›  CHECKLIST ::')
  })

  it('should keep a group name alone when no other group has it', () => {
    expect(label(group('Step 6', 'Smoke tests'))).toBe('Smoke tests')
    expect(label(group('Step 5', 'Notes'))).toBe('Notes')
  })

  it('should name a record without groups, or a group it does not hold, by the name alone', () => {
    expect(groupLabeler({ stages: [] })(group('Step 1', 'Checklist'))).toBe('Checklist')
  })
})
