import matter from 'gray-matter'
import { afterEach, describe, expect, it } from 'vitest'
import { splitFrontmatter } from '../../src/core/record/splitFrontmatter.ts'
import { problemsOf } from '../helpers/messages.ts'

const flag = globalThis as { shiplogSplitEvaluated?: string }

afterEach(() => {
  delete flag.shiplogSplitEvaluated
})

describe('splitFrontmatter', () => {
  it('should split YAML frontmatter, keeping YAML lines at their file lines and emptying them in the body', () => {
    const split = splitFrontmatter('---\na: 1\n---\n# Title\n')
    expect(split).toEqual({ language: '', yaml: '\na: 1', startLine: 1, endLine: 3, body: '\n\n\n# Title\n', problems: [] })
  })

  it('should accept ---yaml and ---yml openings', () => {
    expect(splitFrontmatter('---yaml\na: 1\n---\n')).toMatchObject({ language: 'yaml', yaml: '\na: 1', problems: [] })
    expect(splitFrontmatter('--- yml \na: 1\n---')).toMatchObject({ language: 'yml', yaml: '\na: 1', endLine: 3, body: '\n\n', problems: [] })
  })

  it('should read no frontmatter when the file does not start with exactly ---', () => {
    expect(splitFrontmatter('# Title\n---\n')).toMatchObject({ startLine: null, yaml: null, body: '# Title\n---\n' })
    expect(splitFrontmatter('----\na: 1\n---\n')).toMatchObject({ startLine: null, yaml: null })
    expect(splitFrontmatter('')).toMatchObject({ startLine: null, yaml: null, body: '' })
  })

  it('should read an empty frontmatter', () => {
    expect(splitFrontmatter('---\n---\nx')).toEqual({ language: '', yaml: '', startLine: 1, endLine: 2, body: '\n\nx', problems: [] })
  })

  it('should report unclosed frontmatter at line 1 and keep the whole file as the body', () => {
    const split = splitFrontmatter('---\na: 1\n')
    expect(split).toMatchObject({ yaml: null, startLine: 1, endLine: null, body: '---\na: 1\n' })
    expect(problemsOf(split.problems)).toEqual([
      { line: 1, column: 1, rule: 'frontmatter-unclosed', severity: 'error', message: 'Unexpected unclosed frontmatter, expected a closing `---` line' },
    ])
  })

  for (const language of ['js', 'javascript', 'coffee', 'coffeescript', 'cson', 'json', 'toml', 'JS', 'lua']) {
    it(`should report ---${language} frontmatter and never evaluate it`, () => {
      const source = `---${language}\n{ a: (globalThis.shiplogSplitEvaluated = 'yes') }\n---\nbody\n`
      const split = splitFrontmatter(source)
      expect(flag.shiplogSplitEvaluated).toBeUndefined()
      expect(split).toMatchObject({ yaml: null, startLine: 1, endLine: 3, body: '\n\n\nbody\n' })
      expect(problemsOf(split.problems)).toEqual([
        {
          line: 1,
          column: 1,
          rule: 'frontmatter-engine',
          severity: 'error',
          message: `Unexpected \`---${language}\` frontmatter, expected YAML (\`---\`)`,
        },
      ])
    })
  }

  it('should guard against an input gray-matter itself would evaluate', () => {
    const source = "---js\n{ a: (globalThis.shiplogSplitEvaluated = 'yes') }\n---\n"
    splitFrontmatter(source)
    expect(flag.shiplogSplitEvaluated).toBeUndefined()
    // The same input through gray-matter's defaults runs the code: the check above is meaningful.
    matter(source, {})
    expect(flag.shiplogSplitEvaluated).toBe('yes')
  })

  it('should split YAML whose text gray-matter would otherwise cache', () => {
    const source = '---\na: 1\n---\n'
    matter(source).data['a'] = 'mutated'
    expect(splitFrontmatter(source).yaml).toBe('\na: 1')
  })
})
