import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EXAMPLE_TODAY } from '../../src/core/check/exampleToday.ts'
import { rules } from '../../src/core/check/rules/index.ts'
import { messageAt } from '../../src/core/message/messageAt.ts'
import { cacheFolderOf } from '../../src/node/cache/cacheFolderOf.ts'
import { checkCacheSalt, createCheckCache } from '../../src/node/cache/checkCache.ts'
import { createRecordCache, recordCacheDir, recordCacheSalt } from '../../src/node/cache/recordCache.ts'
import { checkProjectRecords, type CheckedProjectRecords, type CheckProjectRecordsOptions } from '../../src/node/check/checkProjectRecords.ts'
import { loadProject, type Project } from '../../src/node/fs/loadProject.ts'
import { REPO_ROOT } from '../helpers/runCli.ts'
import { tempProject } from '../helpers/tempProject.ts'

const NOW = new Date('2026-04-01T12:00:00Z')
const OPTIONS: CheckProjectRecordsOptions = { now: NOW, today: EXAMPLE_TODAY, wanted: null, summary: true, cache: true }

const project = (files: { readonly [path: string]: string | Uint8Array }): string => tempProject(files, 'shiplog-checks-')

/** Every example of every rule, good and bad, as the records of one project (each in a folder of its own). */
function examplesProject(): string {
  const files: { [path: string]: string } = {}
  for (const rule of rules) {
    const examples = [...rule.examples.good.map((input) => ['good', input] as const), ...rule.examples.bad.map(({ input }) => ['bad', input] as const)]
    examples.forEach(([kind, input], n) => {
      const folder = `releases/${rule.id}-${kind}-${n}`
      if (typeof input === 'string') files[`${folder}/example.md`] = input
      else for (const [file, source] of Object.entries(input)) files[`${folder}/${file.split('/').slice(1).join('-')}`] = source
    })
  }
  return project(files)
}

/** A check's outcome as plain data: the result (messages as FORMAT.md §6 prints them), the summary rows by file, and what was read. */
function view(checked: CheckedProjectRecords): unknown {
  const { result } = checked
  return {
    files: result.files,
    errors: result.errors,
    warnings: result.warnings,
    paths: result.paths,
    diagnostics: result.diagnostics.map((m) => ({ ...m.toJSON(), severity: m.severity })),
    summaryRows: [...checked.summaryRows].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
    read: checked.read,
  }
}

const entriesIn = (root: string): number => {
  const dir = join(root, '.shiplog', 'cache', 'checks')
  return existsSync(dir) ? readdirSync(dir).reduce((n, shard) => n + readdirSync(join(dir, shard)).filter((name) => name.endsWith('.json')).length, 0) : 0
}

/** The record-cache key of a record file, as the read computes it. */
function recordKeyOf(p: Project, file: string): string {
  const cache = createRecordCache(recordCacheDir(p.root), recordCacheSalt({ templates: p.manifests, defaultTemplate: p.config.template }))
  return cache.keyOf(file, readFileSync(join(p.root, file)))
}

describe("check's kept results", () => {
  it('give the result a fresh check gives, for every example of every rule', async () => {
    const root = examplesProject()
    const p = await loadProject(root)
    const fresh = await checkProjectRecords(p, [], { ...OPTIONS, cache: false })
    expect(existsSync(join(root, '.shiplog'))).toBe(false)
    const cold = await checkProjectRecords(p, [], OPTIONS)
    const kept = entriesIn(root)
    const warm = await checkProjectRecords(p, [], OPTIONS)
    expect(view(cold)).toEqual(view(fresh))
    expect(view(warm)).toEqual(view(fresh))
    // Every rule's bad examples are reported, the rules across records among them.
    const reported = new Set(fresh.result.diagnostics.map((m) => m.ruleId))
    for (const rule of rules) if (rule.examples.bad.length > 0) expect(reported, rule.id).toContain(rule.id)
    // A result is kept for each record but those `implausible-date` (which reads the present instant) reports on.
    const implausible = new Set(fresh.result.diagnostics.filter((m) => m.ruleId === 'implausible-date').map((m) => m.file))
    expect(implausible.size).toBeGreaterThan(0)
    expect(kept).toBe(fresh.result.files - implausible.size)
  })

  it('are what a later check counts, instead of checking the record again', async () => {
    const file = 'releases/checkout/2.4.0.md'
    const root = project({ [file]: '---\ncomponent: checkout\nversion: 2.4.0\nenvironment: production\nstatus: planned\n---\n# Checkout 2.4.0\n' })
    const p = await loadProject(root)
    const first = await checkProjectRecords(p, [], { ...OPTIONS, summary: false })
    expect(first.result.diagnostics.map((m) => m.reason)).not.toContain('Planted')
    // A result stored under the record's key with this user's key, as an earlier run would have
    // (again before each check below: a check that keeps new results lets the others go).
    const salt = checkCacheSalt({ settings: p.config.rules, today: EXAMPLE_TODAY, timeZone: undefined, templates: [...p.templates.values()] })
    const planted = messageAt('Planted', { file, place: { line: 2, column: 1 }, ruleId: 'planted', source: 'shiplog-check' })
    const reasons = async (options: Partial<CheckProjectRecordsOptions>): Promise<string[]> => {
      createCheckCache(cacheFolderOf(root, 'checks'), salt, NOW).set(recordKeyOf(p, file), {
        check: { file, messages: [planted], kept: [], keepFailures: [], lasting: true },
        checkedAt: NOW.getTime(),
        summary: null,
      })
      return (await checkProjectRecords(p, [], { ...OPTIONS, summary: false, ...options })).result.diagnostics.map((m) => m.reason)
    }
    expect(await reasons({})).toEqual(['Planted'])
    // Not on another day, not for a run at an earlier instant, not with a job summary to make (it holds no row), not without the caches.
    expect(await reasons({ today: '2026-04-02' })).not.toContain('Planted')
    expect(await reasons({ now: new Date(NOW.getTime() - 1000) })).not.toContain('Planted')
    expect(await reasons({ summary: true })).not.toContain('Planted')
    expect(await reasons({ cache: false })).not.toContain('Planted')
  })

  it('are not kept while a deploy time is in the future, and are once it has passed', async () => {
    const root = project({ 'releases/checkout/2.5.0.md': '---\ncomponent: checkout\nversion: 2.5.0\nenvironment: production\nstatus: deployed\ndeployed_at: 2026-04-01T18:00:00Z\n---\n# Checkout 2.5.0\n' })
    const p = await loadProject(root)
    const early = await checkProjectRecords(p, [], OPTIONS)
    expect(early.result.diagnostics.filter((m) => m.ruleId === 'implausible-date')).toHaveLength(1)
    expect(entriesIn(root)).toBe(0)
    const again = await checkProjectRecords(p, [], OPTIONS)
    expect(view(again)).toEqual(view(early))
    // At 18:30 the deploy time has passed: nothing to report, and the result is kept.
    const later = { ...OPTIONS, now: new Date('2026-04-01T18:30:00Z') }
    const passed = await checkProjectRecords(p, [], later)
    expect(passed.result.diagnostics.filter((m) => m.ruleId === 'implausible-date')).toHaveLength(0)
    expect(entriesIn(root)).toBe(1)
    expect(view(await checkProjectRecords(p, [], later))).toEqual(view(passed))
  })

  it('compare a record checked again with records counted from their kept results, as a fresh check does', async () => {
    const record = (n: string): string => `---\ncomponent: checkout\nversion: 2.4.0\nenvironment: production\nstatus: planned\n---\n# Checkout 2.4.0 (${n})\n`
    const root = project({ 'releases/checkout/a.md': record('a'), 'releases/checkout/b.md': record('b'), 'releases/checkout/c.md': record('c') })
    const p = await loadProject(root)
    await checkProjectRecords(p, [], OPTIONS)
    // `a` changed: checked again, after `b` and `c` are counted from their kept results.
    writeFileSync(join(root, 'releases/checkout/a.md'), `${record('a')}\nEdited.\n`)
    const warm = await checkProjectRecords(p, [], OPTIONS)
    const fresh = await checkProjectRecords(p, [], { ...OPTIONS, cache: false })
    expect(view(warm)).toEqual(view(fresh))
    const onB = fresh.result.diagnostics.find((m) => m.file === 'releases/checkout/b.md' && m.ruleId === 'duplicate-release')
    expect(onB?.reason).toContain('(also in `releases/checkout/a.md`, `releases/checkout/c.md`)')
  })

  it('compare the records a check of some files leaves out, as a fresh check does', async () => {
    const root = examplesProject()
    const p = await loadProject(root)
    await checkProjectRecords(p, [], OPTIONS)
    // The two records of `duplicate-release`'s bad example: one reported on, the other only compared with.
    const pair = Object.keys(rules.find((rule) => rule.id === 'duplicate-release')?.examples.bad[0]?.input as object)
    expect(pair).toHaveLength(2)
    const folder = readdirSync(join(root, 'releases')).find((name) => name.startsWith('duplicate-release-bad-'))
    const wanted = new Set([`releases/${folder}/${(pair[0] as string).split('/').slice(1).join('-')}`])
    const fresh = await checkProjectRecords(p, [], { ...OPTIONS, wanted, cache: false })
    const warm = await checkProjectRecords(p, [], { ...OPTIONS, wanted })
    expect(view(warm)).toEqual(view(fresh))
    expect(fresh.result.paths).toEqual([...wanted])
    expect(fresh.result.diagnostics.map((m) => m.ruleId)).toContain('duplicate-release')
  })
})

describe('rules that read the present instant', () => {
  it('say so (`readsNow`), so that their results are kept only while they report nothing', () => {
    for (const rule of rules) {
      const source = readFileSync(join(REPO_ROOT, 'src', 'core', 'check', 'rules', `${rule.id}.ts`), 'utf8')
      expect(rule.readsNow === true, rule.id).toBe(/context\.now\b/.test(source))
    }
  })
})
