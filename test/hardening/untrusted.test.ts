import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkRecords } from '../../src/core/check/checkRecords.ts'
import { formatGithub } from '../../src/core/check/format/github.ts'
import { formatJunit } from '../../src/core/check/format/junit.ts'
import { formatText } from '../../src/core/check/format/text.ts'
import { computeMetrics } from '../../src/core/metrics/computeMetrics.ts'
import { formatMetricsReport } from '../../src/core/metrics/formatMetricsReport.ts'
import { parseValuesFile } from '../../src/core/new/parseValuesFile.ts'
import { findPlaceholders } from '../../src/core/record/findPlaceholders.ts'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import type { YamlValue } from '../../src/core/record/types.ts'
import { computeProgress } from '../../src/core/status/computeProgress.ts'
import { renderTemplate } from '../../src/core/template/renderTemplate.ts'
import { TemplateError } from '../../src/core/template/TemplateError.ts'
import { parseXml } from '../check/parseXml.ts'
import { REPO_ROOT } from '../helpers/runCli.ts'
import { runMain, tempProject } from './helpers.ts'

const flag = globalThis as { shiplogEvaluated?: unknown }
afterEach(() => {
  delete flag.shiplogEvaluated
  delete (Object.prototype as { polluted?: unknown }).polluted
})

const EVALUATE = "(globalThis.shiplogEvaluated = 'yes')"

/** Every value is YAML data: text, booleans, null, lists and null-prototype maps; no functions, dates or class instances. */
function expectPlainData(value: YamlValue | undefined): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return
  if (Array.isArray(value)) {
    value.forEach(expectPlainData)
    return
  }
  expect(typeof value).toBe('object')
  expect(Object.getPrototypeOf(value)).toBe(null)
  for (const key of Object.keys(value as object)) expectPlainData((value as { [key: string]: YamlValue })[key])
}

describe('frontmatter engines (gray-matter)', () => {
  for (const opening of ['---js', '---javascript', '---JS', '--- js', '---coffee', '---coffeescript', '---cson', '---json', '---toml', '---ruby', '---yaml-js']) {
    it(`should refuse \`${opening}\` frontmatter without evaluating it`, () => {
      const record = parseRecord(`${opening}\n{ status: ${EVALUATE} }\nstatus = ${EVALUATE}\n---\n\n- [ ] x\n`, { file: 'r.md' })
      expect(flag.shiplogEvaluated).toBeUndefined()
      expect(record.problems.map((p) => [p.line, p.ruleId, p.severity])).toEqual([[1, 'frontmatter-engine', 'error']])
      expect(Object.keys(record.frontmatter.data)).toEqual([])
    })
  }

  it('should read `---yaml` and `---` as YAML, where JavaScript is only text', () => {
    for (const opening of ['---', '---yaml', '---yml']) {
      const record = parseRecord(`${opening}\nstatus: "${EVALUATE.replace(/'/g, '')}"\n---\n`, { file: 'r.md' })
      expect(flag.shiplogEvaluated).toBeUndefined()
      expect(record.frontmatter.data['status']).toBe('(globalThis.shiplogEvaluated = yes)')
    }
  })

  it('should call gray-matter in one place only, the one that refuses every other engine', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]))
    const users = files(join(REPO_ROOT, 'src')).filter((file) => /from ['"]gray-matter['"]/.test(readFileSync(file, 'utf8')))
    expect(users.map((file) => file.slice(REPO_ROOT.length))).toEqual(['src/core/record/splitFrontmatter.ts'])
  })

  it('should not cache by input text: a change to one result never leaks into the next parse', () => {
    const text = '---\nstatus: planned\n---\n'
    const first = parseRecord(text, { file: 'a.md' })
    first.frontmatter.data['status'] = 'closed'
    expect(parseRecord(text, { file: 'b.md' }).frontmatter.data['status']).toBe('planned')
  })
})

describe('YAML in records', () => {
  it('should keep values tagged !!js/function, !!js/regexp, !!js/undefined or !!python/object as text, with a warning each', () => {
    const record = parseRecord(
      [
        '---',
        `status: !!js/function "function () { ${EVALUATE} }"`,
        'pattern: !!js/regexp /a+/g',
        'nothing: !!js/undefined ""',
        'shell: !!python/object/apply:os.system ["id"]',
        'custom: !<tag:example.com,2026:x> {a: 1}',
        '---',
      ].join('\n'),
      { file: 'r.md' },
    )
    expect(flag.shiplogEvaluated).toBeUndefined()
    expect(record.frontmatter.data['status']).toBe(`function () { ${EVALUATE} }`)
    expect(record.frontmatter.data['pattern']).toBe('/a+/g')
    for (const value of Object.values(record.frontmatter.data)) expectPlainData(value)
    expect(record.problems.map((p) => [p.line, p.ruleId, p.severity])).toEqual([
      [2, 'frontmatter-yaml', 'warning'],
      [3, 'frontmatter-yaml', 'warning'],
      [4, 'frontmatter-yaml', 'warning'],
      [5, 'frontmatter-yaml', 'warning'],
      [6, 'frontmatter-yaml', 'warning'],
    ])
  })

  it('should stop a billion-laughs alias bomb in well under a second, with one error', () => {
    const levels = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]']
    for (let i = 1; i < 9; i++) {
      const previous = String.fromCharCode(96 + i)
      const name = String.fromCharCode(97 + i)
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`)
    }
    const record = parseRecord(`---\n${levels.join('\n')}\n---\n`, { file: 'r.md' })
    expect(record.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([
      'Unexpected aliases expanding to too many values, expected a smaller frontmatter',
    ])
  })

  it('should read 20,000 aliases of one anchor in linear time', () => {
    const text = `---\nbase: &b {k: v}\nmany: [${Array(20_000).fill('*b').join(', ')}]\n---\n`
    const record = parseRecord(text, { file: 'r.md' })
    // {k: v} is two values: 20,000 of them pass the budget of 10,000, reported once.
    expect(record.problems.map((p) => p.ruleId)).toEqual(['frontmatter-yaml'])
  }, 60_000)

  it('should keep `__proto__` and `constructor` keys as data and leave Object.prototype alone', () => {
    const record = parseRecord(
      '---\n__proto__: {polluted: yes}\nconstructor: {prototype: {polluted: yes}}\nchanges:\n  - __proto__: {polluted: yes}\n    id: a\n---\n',
      { file: 'r.md' },
    )
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined()
    const data = record.frontmatter.data
    expect(Object.getPrototypeOf(data)).toBe(null)
    expect(Object.keys(data)).toEqual(['__proto__', 'constructor', 'changes'])
    expect(data['__proto__']).toEqual(Object.assign(Object.create(null), { polluted: 'yes' }))
    for (const value of Object.values(data)) expectPlainData(value)
    expect(record.problems).toEqual([])
  })

  it('should keep `__proto__` in a values file as a key that templates never read', () => {
    const values = parseValuesFile('__proto__: {polluted: yes}\nconstructor: {own: yes}\nrelease_name: Fine\n', 'values.yaml')
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(values)).toBe(null)
    const { text } = renderTemplate('---\nrelease: "{{release_name}}"\n---\n\n{{__proto__.polluted}} {{constructor.own}}\n', { file: 't.md', values })
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined()
    // `__proto__` never reaches the template; a key named `constructor` is the team's own value, like any other.
    expect(text).toBe('---\nrelease: "Fine"\n---\n\n{{__proto__.polluted}} yes\n')
  })
})

describe('templates and values (Handlebars)', () => {
  const render = (template: string, values: { [name: string]: unknown } = {}) => renderTemplate(template, { file: 'templates/t.md', values })

  it('should not reach prototypes through paths, @root, lookup or with', () => {
    const { text } = render(
      [
        '# {{constructor}} {{constructor.name}} {{__proto__}} {{this.constructor.name}} {{@root.constructor.name}}',
        '',
        '{{lookup this "constructor"}}|{{lookup nested "constructor"}}|{{#with constructor}}in{{/with}}|{{#each constructor}}x{{/each}}|{{nested.__proto__.constructor.name}}',
        '',
        '{{#with nested}}{{constructor.name}}{{/with}}',
      ].join('\n'),
      { nested: { real: 'yes' } },
    )
    expect(text).not.toMatch(/Object|Function|function|\[object|native code/)
    expect(text).toContain('{{constructor}}')
  })

  it('should never run helpers named by values, nor let a value replace a helper', () => {
    const values = {
      'shiplog-output': 'replaced',
      lookup: 'replaced',
      if: 'replaced',
      helperMissing: 'replaced',
      blockHelperMissing: 'replaced',
      release_name: 'Payments',
    }
    const { text } = render('# {{release_name}}\n\n{{#if release_name}}yes{{/if}} {{lookup this "release_name"}}\n', values)
    expect(text).toBe('# Payments\n\nyes Payments\n')
  })

  it('should write values holding Handlebars as inert text, never as template code or placeholders', () => {
    // (`~` pairs would be strikethrough: inline Markdown in values is kept on purpose, so one `~` only.)
    const hostile = '{{#each a}}{{/each}} {{> partial}} {{lookup this "constructor"}} {{{raw}}} {{~trim}} {{owner}} {{! comment }}'
    const template = '---\nrelease: "{{release_name}}"\nowner: {{owner}}\n---\n\n# {{release_name}}\n\n- [ ] {{release_name}}\n\n| a | b |\n|---|---|\n| {{release_name}} | x |\n'
    const { text, missing } = render(template, { release_name: hostile, owner: hostile })
    expect(missing).toEqual([])
    expect(findPlaceholders(text)).toEqual([])
    // Rendering the result again (as if it were a template) finds nothing to do: no mustache survives unescaped.
    const record = parseRecord(text, { file: 'releases/x.md' })
    expect(record.placeholders).toEqual([])
    expect(record.frontmatter.data['release']).toBe(hostile)
    expect(record.stages[0]?.groups[0]?.items[0]?.text).toBe(hostile)
    expect(record.tables[0]?.rows[0]?.list.map((c) => c.text)).toEqual([hostile, 'x'])
  })

  it('should drop functions, symbols and getters from values instead of calling them later', () => {
    let calls = 0
    const values: { [name: string]: unknown } = {
      fn: () => 'called',
      sym: Symbol('s'),
      obj: { toString: () => 'called', valueOf: () => 'called' },
    }
    Object.defineProperty(values, 'getter', {
      enumerable: true,
      get: () => {
        calls++
        return 'read once'
      },
    })
    const { text } = render('{{fn}} {{sym}} {{obj}} {{getter}} {{getter}}\n', values)
    expect(text).not.toContain('called')
    expect(text).toContain('read once read once')
    expect(calls).toBe(1)
  })

  it('should refuse partials, decorators, unknown helpers and log with a TemplateError at the tag', () => {
    for (const [template, line] of [
      ['a\n{{> secrets}}\n', 2],
      ['{{#*inline "x"}}y{{/inline}}\n', 1],
      ['\n\n{{log "x"}}\n', 3],
      ['{{helperMissing "x"}}\n', 1],
      ['{{constructor.constructor "return process"}}\n', 1],
    ] as const) {
      let error: unknown
      try {
        render(template)
      } catch (caught) {
        error = caught
      }
      expect(error, template).toBeInstanceOf(TemplateError)
      expect((error as TemplateError).line, template).toBe(line)
    }
  })
})

describe('record text in output', () => {
  const hostile = parseRecord(
    [
      '---',
      'release: x',
      'release_type: "small\\n::error file=evil.md,line=1::injected\\r\\n%0A"',
      'environment: "prod]]></failure><injected/><![CDATA["',
      'status: "planned\\e[2J\\e]0;title\\a"',
      '---',
      '',
      '## Stage \u001b[31m',
      '',
      '**Group \u001b]52;c;cHduZWQ=\u0007**:',
      '',
      '- [ ] {{owner}}',
    ].join('\n'),
    { file: 'releases/x.md' },
  )
  const result = checkRecords([hostile])

  it('should keep GitHub annotations to one workflow command per diagnostic', () => {
    const lines = formatGithub(result).split('\n').filter(Boolean)
    expect(lines).toHaveLength(result.diagnostics.length)
    for (const line of lines) expect(line).toMatch(/^::(error|warning) file=releases\/x\.md,line=\d+,col=\d+,title=[a-z-]+::/)
    expect(lines.join('\n')).not.toMatch(/^::error file=evil/m)
  })

  it('should keep JUnit XML well formed', () => {
    const xml = formatJunit(result)
    expect(() => parseXml(xml)).not.toThrow()
    expect(xml).not.toContain('<injected/>')
  })

  it('should write no control character to the terminal from check, status or metrics', async () => {
    expect(formatText(result)).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/)
    const metrics = formatMetricsReport(computeMetrics([hostile], { environment: 'prod]]></failure><injected/><![CDATA[' }), { color: false, explain: true })
    expect(metrics).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/)
    expect(computeProgress(hostile).stages[0]?.name).toContain('\u001b')

    const root = tempProject('escape')
    const record = readFileSync(join(REPO_ROOT, 'releases/payments-api/2.4.0.md'), 'utf8')
    const { mkdirSync } = await import('node:fs')
    mkdirSync(join(root, 'releases'))
    writeFileSync(join(root, 'releases/x.md'), record.replace('## Deployment Execution', '## Deployment \u001b]0;pwned\u0007Execution').replace(/^version: .*$/m, 'version: "2.4.0\\e[2J"'))
    for (const args of [['status'], ['metrics', '--explain'], ['check']]) {
      const run = await runMain(['--root', root, '--no-color', ...args])
      expect(run.stdout + run.stderr, args.join(' ')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/)
    }
  }, 60_000)
})

describe('shiplog source', () => {
  it('should hold no eval, Function constructor or vm in the code that reads records', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]))
    for (const file of files(join(REPO_ROOT, 'src'))) {
      const text = readFileSync(file, 'utf8')
      expect(text, file).not.toMatch(/\beval\s*\(|new Function\s*\(|\bFunction\s*\(\s*['"`]|from ['"](?:node:)?vm['"]/)
    }
  })
})
