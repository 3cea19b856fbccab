import { describe, expect, it } from 'vitest'
import { parseManifest } from '../../src/core/template/index.ts'

/** A template with the manifest lines given and two `##` sections. */
function template(...manifestLines: string[]): string {
  return ['{{!--', 'shiplog:', '  description: Reference test', ...manifestLines, '--}}', '# Record', '', '## Work', '', '## Deployment Guidelines', ''].join('\n')
}

describe('parseManifest › reference', () => {
  it('should read the sections a manifest names as reference text', () => {
    const { manifest, problems } = parseManifest(template('  reference: [Deployment Guidelines]'), 't')
    expect(problems).toEqual([])
    expect(manifest?.reference).toEqual(['Deployment Guidelines'])
  })

  it('should leave `reference` out of a manifest that does not declare it', () => {
    const { manifest } = parseManifest(template(), 't')
    expect(manifest).not.toBeNull()
    expect(manifest?.reference).toBeUndefined()
  })

  it('should refuse a `reference` that is not a list, at its place', () => {
    // Line 4 is `  reference: Deployment Guidelines`; the value starts in column 14.
    const { manifest, problems } = parseManifest(template('  reference: Deployment Guidelines'), 't')
    expect(manifest?.reference).toBeUndefined()
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ line: 4, column: 14, severity: 'error', ruleId: 'template-manifest' })
    expect(problems[0]?.reason).toBe("Expected `reference` to be a list of the template's `##` headings, e.g. [Deployment Guidelines]")
  })

  it('should refuse an entry that is not a heading and keep the others', () => {
    // Line 5 `    - { a: 1 }`: the entry starts in column 7.
    const { manifest, problems } = parseManifest(template('  reference:', '    - { a: 1 }', '    - Deployment Guidelines'), 't')
    expect(manifest?.reference).toEqual(['Deployment Guidelines'])
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ line: 5, column: 7, severity: 'error' })
    expect(problems[0]?.reason).toBe("Unexpected `reference` entry {\"a\":1}, expected a list of the template's `##` headings, e.g. [Deployment Guidelines]")
  })

  it('should warn about a section the template has no `##` heading for', () => {
    const { manifest, problems } = parseManifest(template('  reference: [Deployment Guideline]'), 't')
    expect(manifest?.reference).toEqual(['Deployment Guideline'])
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ line: 4, column: 15, severity: 'warning' })
    expect(problems[0]?.reason).toBe("Unexpected section `Deployment Guideline` in `reference`, expected the text of one of the template's `##` headings")
  })
})
