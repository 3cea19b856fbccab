import { describe, expect, it } from 'vitest'
import { formatTemplateList, listTemplates, type ListedTemplate } from '../../src/core/check/templates/listTemplates.ts'

const LOADED: ListedTemplate[] = [
  { name: 'itil', file: '(bundled) templates/itil.md', bundled: true, overrides: false, manifest: { description: 'ITIL phases' }, problems: [] },
  { name: 'hotfix', file: 'templates/hotfix.md', bundled: false, overrides: false, manifest: null, problems: [{ severity: 'error' }, { severity: 'warning' }] },
  { name: 'deployment', file: 'templates/deployment.md', bundled: false, overrides: true, manifest: { description: 'Our deployment record' }, problems: [{ severity: 'warning' }] },
]

describe('listTemplates', () => {
  it('should sort templates by name and say where each comes from', () => {
    expect(listTemplates(LOADED, 'deployment')).toEqual([
      { name: 'deployment', description: 'Our deployment record', source: 'project', overrides: true, default: true, file: 'templates/deployment.md', errors: 0 },
      { name: 'hotfix', description: '', source: 'project', overrides: false, default: false, file: 'templates/hotfix.md', errors: 1 },
      { name: 'itil', description: 'ITIL phases', source: 'bundled', overrides: false, default: false, file: '(bundled) templates/itil.md', errors: 0 },
    ])
  })
})

describe('formatTemplateList', () => {
  it('should align names and origins, mark the default and point at broken manifests', () => {
    // widest name: `deployment (default)` (20); widest origin: `project, overrides bundled` (26)
    expect(formatTemplateList(listTemplates(LOADED, 'deployment'))).toBe(
      [
        'deployment (default)  project, overrides bundled  Our deployment record',
        'hotfix                project                     (no description) [manifest has 1 error: shiplog check --templates]',
        'itil                  bundled                     ITIL phases',
        '',
        'Project templates:',
        '  deployment: templates/deployment.md',
        '  hotfix: templates/hotfix.md',
        '',
      ].join('\n'),
    )
  })

  it('should say so when there are no templates', () => {
    expect(formatTemplateList([])).toBe('No templates.\n')
  })
})
