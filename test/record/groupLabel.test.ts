import { describe, expect, it } from 'vitest'
import { groupLabel } from '../../src/core/record/groupLabel.ts'
import type { Group, Stage } from '../../src/core/record/types.ts'

const group = (stage: string, name: string): Group => ({ name, stage, role: 'task', gate: 'approved', active: true, required: false, items: [], line: 1, column: 1 })
const stage = (name: string, ...groups: string[]): Stage => ({ name, groups: groups.map((g) => group(name, g)), line: 1, column: 1 })

describe('groupLabel', () => {
  const record = { stages: [stage('Step 5', 'Checklist', 'Notes'), stage('Step 6', 'checklist:', 'Smoke tests')] }

  it('should qualify a group with its stage when another group has the same name (case, colon aside)', () => {
    expect(groupLabel(record, group('Step 6', 'checklist:'))).toBe('Step 6 › checklist:')
    expect(groupLabel(record, group('Step 5', 'Checklist'))).toBe('Step 5 › Checklist')
  })

  it('should keep a group name alone when no other group has it', () => {
    expect(groupLabel(record, group('Step 6', 'Smoke tests'))).toBe('Smoke tests')
    expect(groupLabel(record, group('Step 5', 'Notes'))).toBe('Notes')
  })
})
