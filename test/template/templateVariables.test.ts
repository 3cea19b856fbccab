import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { TemplateError, templateVariables } from '../../src/core/template/index.ts'

const deployment = readFileSync(new URL('../../templates/deployment.md', import.meta.url), 'utf8')

describe('templateVariables', () => {
  it('should list the variables of the deployment template and not the fields of changes', () => {
    const names = templateVariables(deployment)
    expect(names.slice(0, 12)).toEqual([
      'release_name',
      'release_version',
      'component',
      'release_type',
      'target_environment',
      'scheduled_date',
      'owner',
      'release_coordinator',
      'business_owner',
      'rollback_strategy',
      'date',
      'changes',
    ])
    expect(names).toContain('po_signoff')
    expect(names).toContain('change_1')
    for (const field of ['id', 'title', 'committed_at']) expect(names).not.toContain(field)
    expect(new Set(names).size).toBe(names.length)
  })

  it('should find names in conditions, helper arguments, sub-expressions and hash arguments', () => {
    expect(templateVariables('{{#if (and (eq impact "high") (not frozen))}}{{lookup labels key}}{{/if}}{{#each items key=sort}}{{/each}}')).toEqual([
      'impact',
      'frozen',
      'labels',
      'key',
      'items',
      'sort',
    ])
  })

  it('should tell item fields, block parameters, parents and the root apart', () => {
    const source = [
      '{{#each changes as |change i|}}',
      '{{title}} {{change.id}} {{i}} {{this.author}} {{../release}} {{@root.owner}} {{@index}}',
      '{{#if url}}{{url}}{{/if}}',
      '{{else}}',
      '{{empty_note}}',
      '{{/each}}',
      '{{#with meta}}{{name}}{{../team}}{{/with}}',
      '{{this}} {{this.direct}} {{./dotted}}',
    ].join('\n')
    expect(templateVariables(source)).toEqual(['changes', 'release', 'owner', 'empty_note', 'meta', 'team', 'direct', 'dotted'])
  })

  it('should read `{{else}}` branches in the enclosing context', () => {
    expect(templateVariables('{{#each items}}{{name}}{{else if fallback}}{{note}}{{/each}}{{#with meta}}{{x}}{{else}}{{y}}{{/with}}')).toEqual([
      'items',
      'fallback',
      'note',
      'meta',
      'y',
    ])
  })

  it('should not list helpers or names in comments', () => {
    expect(templateVariables('{{! {{hidden}} }}{{!-- {{also_hidden}} --}}{{#unless done}}{{eq a b}}{{/unless}}')).toEqual(['done', 'a', 'b'])
  })

  it('should throw a TemplateError when the template does not parse', () => {
    expect(() => templateVariables('{{#if x}}')).toThrow(TemplateError)
  })
})
