import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { renderTemplate } from '../../src/core/template/index.ts'

const fixtures = new URL('../fixtures/template/', import.meta.url)

// Each folder holds template.md, values.json and output.md (worked out by hand, reviewed). The
// test never writes output.md: a missing one fails. `npm run fixtures` writes them, for review.
describe('renderTemplate (fixtures)', () => {
  for (const name of readdirSync(fixtures)) {
    it(`should render ${name} as worked out by hand`, () => {
      const folder = new URL(`${name}/`, fixtures)
      const source = readFileSync(new URL('template.md', folder), 'utf8')
      const values = JSON.parse(readFileSync(new URL('values.json', folder), 'utf8')) as { [name: string]: unknown }
      const { text } = renderTemplate(source, { file: `${name}/template.md`, values })
      const expected = new URL('output.md', folder)
      expect(existsSync(expected), `${name}/output.md is missing: write it by hand, or run npm run fixtures and review it`).toBe(true)
      expect(text).toBe(readFileSync(expected, 'utf8'))
    })
  }
})
