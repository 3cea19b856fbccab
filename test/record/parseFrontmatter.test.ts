import { describe, expect, it } from 'vitest'
import { parseFrontmatter } from '../../src/core/record/parseFrontmatter.ts'
import { splitFrontmatter } from '../../src/core/record/splitFrontmatter.ts'
import { problemsOf } from '../helpers/messages.ts'

const read = (text: string) => parseFrontmatter(splitFrontmatter(text))

describe('parseFrontmatter', () => {
  it('should return null-prototype objects at every level', () => {
    const { frontmatter } = read('---\na:\n  b: 1\nlist:\n  - c: 2\n---\n')
    expect(Object.getPrototypeOf(frontmatter.data)).toBeNull()
    expect(Object.getPrototypeOf(frontmatter.fields)).toBeNull()
    expect(Object.getPrototypeOf(frontmatter.paths)).toBeNull()
    expect(Object.getPrototypeOf(frontmatter.data['a'])).toBeNull()
    const list = frontmatter.data['list'] as Array<{ [key: string]: unknown }>
    expect(Object.getPrototypeOf(list[0])).toBeNull()
  })

  it('should keep a __proto__ key as data without touching any prototype', () => {
    const { frontmatter } = read('---\n__proto__:\n  polluted: yes\nnested:\n  __proto__: { polluted: yes }\n---\n')
    expect(Object.keys(frontmatter.data)).toEqual(['__proto__', 'nested'])
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined()
    expect(Object.hasOwn(frontmatter.data['nested'] as object, '__proto__')).toBe(true)
  })

  it('should read true/false in any YAML 1.2 spelling as booleans, and yes/no/on as text', () => {
    const { frontmatter } = read('---\na: TRUE\nb: False\nc: yes\nd: on\ne: !!str true\nf: "true"\n---\n')
    expect({ ...frontmatter.data }).toEqual({ a: true, b: false, c: 'yes', d: 'on', e: 'true', f: 'true' })
  })

  it('should read block scalars and flow collections', () => {
    const { frontmatter } = read('---\ntext: >\n  one\n  two\ntags: [a, "b c"]\nmap: {k: v}\n---\n')
    expect(JSON.parse(JSON.stringify(frontmatter.data))).toEqual({ text: 'one two\n', tags: ['a', 'b c'], map: { k: 'v' } })
    expect(frontmatter.fields['text']?.style).toBe('block')
    expect(frontmatter.fields['tags']?.style).toBe('sequence')
    expect(frontmatter.fields['map']?.style).toBe('map')
  })

  it('should resolve aliases to the anchored value', () => {
    const { frontmatter, problems } = read('---\nbase: &who Ana Ruiz\nowner: *who\n---\n')
    expect(problems).toEqual([])
    expect(frontmatter.data['owner']).toBe('Ana Ruiz')
    expect(frontmatter.fields['owner']?.style).toBe('plain')
  })

  it('should stop an alias bomb with one problem instead of expanding it', () => {
    const rows = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
    for (const [name, previous] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e']]) {
      rows.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`)
    }
    const { problems } = read(`---\n${rows.join('\n')}\n---\n`)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ ruleId: 'frontmatter-yaml', severity: 'error' })
  })

  it('should report YAML syntax errors at their file line', () => {
    const { problems } = read('---\na: 1\nb: [unclosed\n---\n')
    expect(problems.length).toBeGreaterThan(0)
    expect(problems[0]).toMatchObject({ ruleId: 'frontmatter-yaml', severity: 'error' })
    expect(problems[0]?.line).toBeGreaterThanOrEqual(3)
  })

  it('should report a duplicate nested key by name', () => {
    const { problems } = read('---\nchanges:\n  - id: a\n    id: b\n---\n')
    expect(problemsOf(problems)).toEqual([
      { line: 4, column: 5, rule: 'frontmatter-yaml', severity: 'error', message: 'Unexpected duplicate key `id` in frontmatter, expected each key once' },
    ])
  })

  it('should report frontmatter that is a single value', () => {
    expect(problemsOf(read('---\njust text\n---\n').problems)).toEqual([
      { line: 2, column: 1, rule: 'frontmatter-yaml', severity: 'error', message: 'Unexpected single value as frontmatter, expected a map of `key: value` lines' },
    ])
  })

  it('should read a frontmatter of only comments as empty', () => {
    const { frontmatter, problems } = read('---\n# nothing yet\n---\n')
    expect(problems).toEqual([])
    expect(Object.keys(frontmatter.data)).toEqual([])
    expect(frontmatter).toMatchObject({ startLine: 1, endLine: 3 })
  })

  it('should report very deep nesting as a problem, not a crash', () => {
    const { problems } = read(`---\na: ${'['.repeat(20000)}${']'.repeat(20000)}\n---\n`)
    expect(problems.length).toBeGreaterThan(0)
    expect(problems.every((problem) => problem.ruleId === 'frontmatter-yaml')).toBe(true)
  })
})
