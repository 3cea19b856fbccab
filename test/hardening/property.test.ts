import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkRecords } from '../../src/core/check/checkRecords.ts'
import { computeMetrics } from '../../src/core/metrics/computeMetrics.ts'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import type { ReleaseRecord } from '../../src/core/record/types.ts'
import { computeProgress } from '../../src/core/status/computeProgress.ts'
import { parseManifest } from '../../src/core/template/parseManifest.ts'
import { renderTemplate } from '../../src/core/template/renderTemplate.ts'
import type { TemplateManifest } from '../../src/core/template/types.ts'
import { REPO_ROOT } from '../helpers/runCli.ts'
import { CORPUS } from './helpers.ts'

const deployment = parseManifest(readFileSync(join(REPO_ROOT, 'templates/deployment.md'), 'utf8'), 'deployment').manifest as TemplateManifest
const templates = { deployment }

/** Text that looks like a record: frontmatter fences, list and task markers, tables, fences, mustaches. */
const recordish = fc
  .array(
    fc.oneof(
      fc.constantFrom('---', '---js', '---\n', '- [ ] ', '- [x] ', '  - [X] ', '1. [ ] ', '> ', '## ', '### ', '**Label**:', '| a | b |', '|---|---|'),
      fc.constantFrom('```', '~~~', '<!--', '-->', '{{x}}', '{{ y }}', '${{ z }}', '\\|', '~~', 'N/A', '&amp;', '\t', '\r\n', '\r', '\n', '\ufeff', '\0'),
      fc.constantFrom('status: approved', 'version: 1.10', 'a: &a [*a]', 'b: *nope', 'key: key', 'k: [', 'k: {', '!!js/function x', '__proto__: 1'),
      fc.string({ maxLength: 12 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''))

describe('parseRecord on arbitrary input', () => {
  it('should never throw on arbitrary text, and every problem has a line and column', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), recordish), (text) => {
        const record = parseRecord(text, { file: 'releases/x.md', templates })
        for (const problem of record.problems) {
          expect(problem.line).toBeGreaterThanOrEqual(1)
          expect(problem.column).toBeGreaterThanOrEqual(1)
        }
        // What reads the record never throws either.
        computeProgress(record)
        checkRecords([record], { manifests: templates })
        computeMetrics([record])
      }),
      { numRuns: 400 },
    )
  }, 120_000)

  it('should never throw on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const record = parseRecord(bytes, { file: 'releases/x.md', templates })
        checkRecords([record], { manifests: templates })
      }),
      { numRuns: 300 },
    )
  })
})

const TEMPLATE = `{{!--
shiplog:
  name: property
  description: Every output context once.
  groups:
    - { stage: Work, group: '*', role: task, gate: approved }
--~}}
---
template: property
release: "{{release_name}}"
owner: {{owner}}
notes: '{{single}}'
---

# {{title}}

## Work

**First**:

- [ ] {{a}}
- [x] Item {{b}}
  - [ ] nested {{a}}

**Second**:

1. [ ] {{b}} end

| Key | Value |
|-----|-------|
| a | {{a}} |
| \`b\` | \`{{b}}\` |
`

/** What Markdown text reads back as: one line, trimmed. */
const oneLine = (value: string): string => value.replace(/\r\n|\r|\n/g, ' ').trim()

/**
 * Values for Markdown text: anything but the inline Markdown a value may use on purpose (emphasis,
 * links, code spans, which the escaping keeps), with the characters that could break out of their
 * place in abundance: `|`, `{{`, `<`, `>`, `#`, `-`, `\`, `&…;`, line breaks.
 */
const markdownValue = fc
  .string({
    unit: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('|', '{', '}', '<', '>', '#', '-', '+', '=', '\\', '&', ';', '#', '\n', '\r\n', ' ', '\t', '.', '1', ':', '/', '"', "'", '$', '%', '(', ')') },
      { weight: 3, arbitrary: fc.constantFrom('a', 'b', 'Z', 'amp', 'x', 'é', '日', '🚀') },
    ),
    minLength: 1,
    maxLength: 40,
  })
  .filter((value) => oneLine(value) !== '')

/** Values for YAML strings: anything at all that is not blank. */
const yamlValue = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((value) => value.trim() !== '')
const yamlAnyValue = fc
  .oneof(yamlValue, fc.string({ unit: fc.constantFrom('\0', '\u0001', '\u007f', '\u0085', '\u2028', '\ufeff', '{', '"', "'", '\\', '\n', 'a'), minLength: 1, maxLength: 20 }))
  .filter((value) => value.trim() !== '')

describe('renderTemplate then parseRecord', () => {
  it('should keep every item, every row and every value, whatever the values hold', () => {
    fc.assert(
      fc.property(
        fc.record({ release_name: yamlAnyValue, owner: yamlAnyValue, single: yamlAnyValue, title: markdownValue, a: markdownValue, b: markdownValue }),
        (values) => {
          const { text, missing } = renderTemplate(TEMPLATE, { file: 'templates/property.md', values })
          expect(missing).toEqual([])
          const manifest = parseManifest(TEMPLATE, 'property').manifest as TemplateManifest
          const record = parseRecord(text, { file: 'releases/p.md', templates: { property: manifest } })
          expect(record.problems).toEqual([])
          expect(record.placeholders).toEqual([])

          // Frontmatter: double-quoted strings read back exactly; single-quoted ones on one line.
          expect(record.frontmatter.data['release']).toBe(values.release_name)
          expect(record.frontmatter.data['owner']).toBe(values.owner)
          expect(record.frontmatter.data['notes']).toBe(expectedSingleQuoted(values.single))

          // Items: four, in two groups, with their text.
          const items = record.stages.flatMap((stage) => stage.groups.flatMap((group) => group.items.map((item) => `${group.name}: ${item.text}`)))
          expect(items).toEqual([
            `First: ${oneLine(values.a)}`,
            `First: ${oneLine(`Item ${values.b}`)}`,
            `First: ${oneLine(`nested ${values.a}`)}`,
            `Second: ${oneLine(`${values.b} end`)}`,
          ])
          expect(computeProgress(record).total).toBe(4)

          // The table: two rows of two cells, the values in them.
          const table = record.tables[0]
          expect(record.tables).toHaveLength(1)
          expect(table?.rows.map((row) => row.list.map((cell) => cell.text))).toEqual([
            ['a', oneLine(values.a)],
            ['b', inTableCode(oneLine(values.b))],
          ])
        },
      ),
      { numRuns: 300 },
    )
  }, 120_000)
})

/**
 * What a code span in a table reads back as: the value, except that a pipe after an odd run of
 * backslashes has one backslash more (GFM pairs backslashes before the pipe that escapes it).
 */
function inTableCode(value: string): string {
  return value.replace(/(\\*)\|/g, (_, slashes: string) => `${slashes}${slashes.length % 2 === 1 ? '\\' : ''}|`)
}

/**
 * A single-quoted YAML string holds no escapes: line breaks become spaces, and characters YAML
 * cannot hold raw (control characters, the BOM, line separators) become U+FFFD.
 */
function expectedSingleQuoted(value: string): string {
  return value
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff]/g, '\ufffd')
}

function readTree(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? readTree(path) : [path]
  })
}

/** The bundled example records and the corpus' single-file inputs: clean and broken records together. */
const pool: ReleaseRecord[] = [
  ...readTree(join(REPO_ROOT, 'releases')),
  ...readdirSync(CORPUS)
    .map((name) => join(CORPUS, name, 'input.md'))
    .filter((path) => {
      try {
        return statSync(path).isFile()
      } catch {
        return false
      }
    }),
]
  .filter((path) => path.endsWith('.md'))
  .map((path) => parseRecord(readFileSync(path), { file: path.slice(REPO_ROOT.length).split('\\').join('/'), templates }))

describe('check and metrics', () => {
  it('should give the same result whatever the order of the records', () => {
    const check = checkRecords(pool, { manifests: templates })
    const metrics = computeMetrics(pool)
    expect(check.diagnostics.length).toBeGreaterThan(10)
    expect(metrics.deployments).toBeGreaterThan(5)
    fc.assert(
      fc.property(fc.shuffledSubarray(pool, { minLength: pool.length, maxLength: pool.length }), (order) => {
        expect(checkRecords(order, { manifests: templates })).toEqual(check)
        expect(computeMetrics(order)).toEqual(metrics)
      }),
      { numRuns: 25 },
    )
  })

  it('should give the same figures for any subset, whatever its order', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(pool, { minLength: 1 }), fc.integer(), (subset, seed) => {
        const shuffled = [...subset].sort((a, b) => ((hash(a.file) ^ seed) >>> 0) - ((hash(b.file) ^ seed) >>> 0))
        expect(computeMetrics(shuffled)).toEqual(computeMetrics([...subset].sort((a, b) => (a.file < b.file ? -1 : 1))))
        expect(checkRecords(shuffled, { manifests: templates })).toEqual(checkRecords(subset, { manifests: templates }))
      }),
      { numRuns: 25 },
    )
  })
})

function hash(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  return h >>> 0
}
