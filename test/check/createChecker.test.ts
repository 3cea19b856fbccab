import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { checkRecords } from '../../src/core/check/checkRecords.ts'
import { createChecker } from '../../src/core/check/createChecker.ts'
import { duplicateReleaseRule } from '../../src/core/check/rules/duplicate-release.ts'
import type { CheckRule } from '../../src/core/check/types.ts'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import { REPO_ROOT } from '../helpers/runCli.ts'

const record = (file: string, component: string, version: string, environment: string) =>
  parseRecord(`---\ncomponent: ${component}\nversion: ${version}\nenvironment: ${environment}\n---\n`, { file })

const PREFIX = 'Unexpected duplicate record of'
const a = record('releases/a.md', 'checkout', '"2.4.0"', 'production')
const b = record('releases/b.md', 'Checkout', 'v2.4.0', 'production')
const c = record('releases/c.md', 'checkout', '"2.4.0"', 'staging')

/** A rule across records whose parts throw. */
function failing(part: 'keep' | 'compare'): CheckRule {
  return {
    id: 'broken-across',
    description: '',
    severity: 'error',
    docs: '',
    examples: { good: [], bad: [] },
    check: () => [],
    across: {
      keep: (r) => {
        if (part === 'keep' && r.file === 'releases/b.md') throw new Error('no facts')
        return { key: 'k', at: { line: 2, column: 1 }, shown: [] }
      },
      compare: () => {
        if (part === 'compare') throw new Error('no comparison')
        return []
      },
    },
  }
}

describe('createChecker', () => {
  it('should report duplicates found across records added one at a time, in any order', () => {
    const checker = createChecker({ rules: [duplicateReleaseRule] })
    for (const r of [c, b, a]) checker.add(r)
    const result = checker.finish()
    // a and b are one release (checkout, 2.4.0 as semver, production); c is staging.
    expect(result.diagnostics.map((d) => [d.file, d.line, d.ruleId, d.severity, d.reason])).toEqual([
      ['releases/a.md', 3, 'duplicate-release', 'error', `${PREFIX} \`checkout\` \`2.4.0\` in \`production\`, expected one record per component, version and environment (also in \`releases/b.md\`)`],
      ['releases/b.md', 3, 'duplicate-release', 'error', `${PREFIX} \`Checkout\` \`v2.4.0\` in \`production\`, expected one record per component, version and environment (also in \`releases/a.md\`)`],
    ])
    expect(result).toMatchObject({ files: 3, errors: 2, warnings: 0, paths: ['releases/a.md', 'releases/b.md', 'releases/c.md'] })
    expect(result).toEqual(checkRecords([a, b, c], { rules: [duplicateReleaseRule] }))
  })

  it('should compare with records added unchecked, but report on and count only the checked ones', () => {
    const checker = createChecker({ rules: [duplicateReleaseRule] })
    checker.add(b, false)
    checker.add(a)
    const result = checker.finish()
    expect(result.diagnostics.map((d) => [d.file, d.line])).toEqual([['releases/a.md', 3]])
    expect(result.diagnostics[0]?.reason).toMatch(/\(also in `releases\/b\.md`\)$/)
    expect(result).toMatchObject({ files: 1, errors: 1, paths: ['releases/a.md'] })
  })

  it('should report a rule across records that fails as an internal error, on the checked records only', () => {
    const keep = createChecker({ rules: [failing('keep')] })
    for (const r of [a, b, c]) keep.add(r)
    expect(keep.finish().diagnostics.map((d) => [d.file, d.line, d.ruleId])).toEqual([['releases/b.md', 1, 'internal-error']])
    const compare = createChecker({ rules: [failing('compare')] })
    compare.add(a)
    compare.add(b, false)
    compare.add(c)
    const messages = compare.finish().diagnostics
    expect(messages.map((d) => [d.file, d.line, d.ruleId])).toEqual([
      ['releases/a.md', 1, 'internal-error'],
      ['releases/c.md', 1, 'internal-error'],
    ])
    expect(messages[0]?.reason).toBe('Unexpected failure of rule `broken-across` (no comparison), expected a report: please file a bug')
  })

  it('should keep no record once it is added: each can be collected before the check finishes', () => {
    // A separate process, for `--expose-gc`: 200 records added, each followed by a WeakRef; after a
    // collection none of them may be alive, while the checker still reports on all of them.
    const index = pathToFileURL(join(REPO_ROOT, 'dist/index.js')).href
    const script = `
      const { createChecker, parseRecord } = await import(${JSON.stringify(index)})
      const checker = createChecker()
      const refs = []
      // In a function: nothing of its frame (the last record) outlives it.
      const fill = () => {
        for (let i = 0; i < 200; i++) {
        const record = parseRecord('---\\ncomponent: api\\nversion: "1.0.' + (i % 100) + '"\\nenvironment: production\\nstatus: planned\\n---\\n\\n## Stage\\n\\n- [ ] open item\\n', { file: 'releases/r' + String(i).padStart(3, '0') + '.md' })
        refs.push(new WeakRef(record))
          checker.add(record)
        }
      }
      fill()
      await new Promise((resolve) => setTimeout(resolve, 0))
      globalThis.gc()
      const alive = refs.filter((ref) => ref.deref() !== undefined).length
      const result = checker.finish()
      const duplicates = result.diagnostics.filter((d) => d.ruleId === 'duplicate-release').length
      console.log(JSON.stringify({ alive, files: result.files, duplicates }))
    `
    const run = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' })
    expect(run.stderr).toBe('')
    // Versions 1.0.0…1.0.99 twice each: every one of the 200 records is a duplicate of one other.
    expect(JSON.parse(run.stdout)).toEqual({ alive: 0, files: 200, duplicates: 200 })
  }, 60_000)
})
