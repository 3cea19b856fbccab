import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { checkRecords } from '../../src/core/check/checkRecords.ts'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import { parseManifest } from '../../src/core/template/parseManifest.ts'
import type { TemplateManifest } from '../../src/core/template/types.ts'
import { jsonOf } from '../helpers/messages.ts'

function manifestOf(name: string): TemplateManifest {
  const source = readFileSync(fileURLToPath(new URL(`../../templates/${name}.md`, import.meta.url)), 'utf8')
  const { manifest } = parseManifest(source, name)
  if (!manifest) throw new Error(`templates/${name}.md has no manifest`)
  return manifest
}

const manifests = { itil: manifestOf('itil'), deployment: manifestOf('deployment') }

function check(source: string) {
  const record = parseRecord(source, { file: 'releases/2.0.0.md', templates: manifests })
  return checkRecords([record], { manifests }).diagnostics
}

describe('template-choice', () => {
  it('should error on ITIL `impact: hihg` at the value, suggesting `high`', () => {
    // line 4 is `impact: hihg`; the value starts after `impact: ` (8 characters), at column 9
    const source = '---\ntemplate: itil\nstatus: planned\nimpact: hihg\nurgency: high\n---\n\n## Training\n\n**Training Requirements**:\n\n- [ ] Train the service desk\n'
    const found = check(source).filter((d) => d.ruleId === 'template-choice')
    expect(jsonOf(found)).toEqual([
      {
        file: 'releases/2.0.0.md',
        line: 4,
        column: 9,
        rule: 'template-choice',
        severity: 'error',
        message: 'Unexpected impact `hihg`, expected one of low, medium, high (did you mean `high`?)',
      },
    ])
  })

  it('should accept a choice in another case and with spaces, quoted or not', () => {
    const source = '---\ntemplate: itil\nstatus: planned\nimpact: " High "\nurgency: LOW\n---\n'
    expect(check(source).filter((d) => d.ruleId === 'template-choice')).toEqual([])
  })

  it('should leave unfilled placeholders and empty values to other rules', () => {
    const source = '---\ntemplate: itil\nstatus: planned\nimpact: "{{impact}}"\nurgency:\n---\n'
    expect(check(source).filter((d) => d.ruleId === 'template-choice')).toEqual([])
  })

  it('should check a key that holds a variable of another name (environment holds target_environment)', () => {
    const narrowed: TemplateManifest = {
      ...manifests.deployment,
      name: 'narrow',
      variables: { ...manifests.deployment.variables, target_environment: { description: 'Target', choices: ['staging', 'production'] } },
    }
    const templates = { narrow: narrowed }
    const record = parseRecord('---\ntemplate: narrow\nenvironment: dr\n---\n', { file: 'releases/x.md', templates })
    const found = checkRecords([record], { manifests: templates }).diagnostics.filter((d) => d.ruleId === 'template-choice')
    expect(found.map((d) => [d.line, d.column, d.message])).toEqual([[3, 14, 'Unexpected environment `dr`, expected one of staging, production']])
  })

  it('should not repeat what frontmatter-schema reports (`release_type: majr`)', () => {
    const source = '---\ntemplate: deployment\nstatus: planned\nrelease_type: majr\n---\n'
    const atValue = check(source).filter((d) => d.line === 4)
    expect(atValue.map((d) => d.ruleId)).toEqual(['frontmatter-schema'])
  })
})
