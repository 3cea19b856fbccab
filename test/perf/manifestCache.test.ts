import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createManifestCache, manifestCacheDir } from '../../src/node/cache/manifestCache.ts'
import { loadProject, type Project } from '../../src/node/fs/loadProject.ts'
import { REPO_ROOT } from '../helpers/runCli.ts'
import { tempProject } from '../helpers/tempProject.ts'

const STAGE_GATE = readFileSync(join(REPO_ROOT, 'templates', 'stage-gate.md'), 'utf8')
// A manifest whose YAML does not parse: the template is loaded with no manifest, and problems.
const BROKEN = '{{!-- shiplog:\nname: [unclosed\n--}}\n# Release {{version}}\n'
// A manifest with no description (a warning) and `groups` not a list (an error): read, with both.
const PARTIAL = '{{!-- shiplog:\n  name: partial\n  groups: 7\n--}}\n# Release {{version}}\n'

const project = (files: { readonly [path: string]: string | Uint8Array }): string => tempProject(files, 'shiplog-manifests-')

/** What a project's templates read to, without the sources: names, files, manifests and problems as plain data. */
function templatesOf(p: Project): unknown {
  return [...p.templates.values()].map(({ name, file, bundled, overrides, manifest, problems }) => ({
    name,
    file,
    bundled,
    overrides,
    manifest,
    problems: problems.map((m) => ({ ...m.toJSON(), severity: m.severity })),
  }))
}

const entriesIn = (root: string): string[] => {
  const dir = join(root, '.shiplog', 'cache', 'templates')
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')).sort() : []
}

describe('the templates’ manifest cache', () => {
  it('gives the manifests a fresh read gives, from the cache on the second open', async () => {
    const root = project({
      'templates/custom.md': STAGE_GATE.replace('name: stage-gate', 'name: custom'),
      'templates/broken.md': BROKEN,
      'templates/partial.md': PARTIAL,
    })
    const fresh = await loadProject(root)
    expect(entriesIn(root)).toEqual([])
    const first = await loadProject(root, {}, { cache: true })
    // The four bundled templates and the project's three.
    expect(entriesIn(root)).toHaveLength(7)
    const second = await loadProject(root, {}, { cache: true })
    expect(templatesOf(first)).toStrictEqual(templatesOf(fresh))
    expect(templatesOf(second)).toStrictEqual(templatesOf(fresh))
    expect(second.manifests).toStrictEqual(fresh.manifests)
    expect(Object.keys(second.manifests).sort()).toEqual(['custom', 'deployment', 'itil', 'partial', 'product-release', 'stage-gate'])
    const broken = second.templates.get('broken')
    expect(broken?.manifest).toBeNull()
    expect(broken?.problems.length).toBeGreaterThan(0)
    for (const problem of broken?.problems ?? []) expect([problem.file, problem.ruleId]).toEqual(['templates/broken.md', 'template-manifest'])
    const partial = second.templates.get('partial')
    expect(partial?.manifest?.groups).toEqual([])
    // Null-prototype objects come back as such.
    expect(Object.getPrototypeOf(partial?.manifest?.variables)).toBeNull()
    expect(partial?.problems.map((m) => [m.file, m.line, m.column, m.severity])).toEqual([
      ['templates/partial.md', 2, 3, 'warning'],
      ['templates/partial.md', 3, 11, 'error'],
    ])
  })

  it('reads a changed template afresh and lets its old entry go', async () => {
    const root = project({ 'templates/custom.md': STAGE_GATE.replace('name: stage-gate', 'name: custom') })
    await loadProject(root, {}, { cache: true })
    const before = entriesIn(root)
    writeFileSync(join(root, 'templates', 'custom.md'), STAGE_GATE.replace('name: stage-gate', 'name: renamed'))
    const changed = await loadProject(root, {}, { cache: true })
    expect(changed.templates.get('custom')?.manifest?.name).toBe('renamed')
    const after = entriesIn(root)
    expect(after).toHaveLength(5)
    // The four bundled templates' entries stay; the custom template's entry is replaced.
    expect(after.filter((name) => before.includes(name))).toHaveLength(4)
  })

  it('serves what it holds: an entry stored under the key of a template is what the next open reads', async () => {
    const root = project({ 'templates/custom.md': STAGE_GATE.replace('name: stage-gate', 'name: custom') })
    const source = readFileSync(join(root, 'templates', 'custom.md'), 'utf8')
    const fresh = await loadProject(root)
    const manifest = fresh.templates.get('custom')?.manifest
    expect(manifest?.name).toBe('custom')
    await loadProject(root, {}, { cache: true })
    // Stored with this user's key, as an earlier run would have: the cache is trusted, the source not read again.
    createManifestCache(manifestCacheDir(root)).put(source, 'custom', { manifest: { ...manifest!, name: 'stored' }, problems: [] })
    expect((await loadProject(root, {}, { cache: true })).templates.get('custom')?.manifest?.name).toBe('stored')
    expect((await loadProject(root)).templates.get('custom')?.manifest?.name).toBe('custom')
  })

  it('does not use an entry that does not verify', async () => {
    const root = project({ 'templates/custom.md': STAGE_GATE.replace('name: stage-gate', 'name: custom') })
    await loadProject(root, {}, { cache: true })
    const dir = manifestCacheDir(root)
    const cache = createManifestCache(dir)
    const source = readFileSync(join(root, 'templates', 'custom.md'), 'utf8')
    const entry = readdirSync(dir).map((name) => join(dir, name)).find((path) => readFileSync(path, 'utf8').includes('"custom"'))
    expect(entry).toBeDefined()
    // The same entry with its content changed (the manifest renamed), its MAC left as it was.
    writeFileSync(entry as string, readFileSync(entry as string, 'utf8').replace('"custom"', '"forged"'))
    expect(cache.get(source, 'custom')).toBeNull()
    const reopened = await loadProject(root, {}, { cache: true })
    expect(reopened.templates.get('custom')?.manifest?.name).toBe('custom')
  })

  it('is not used when SHIPLOG_NO_CACHE is set', async () => {
    const root = project({ 'templates/custom.md': STAGE_GATE.replace('name: stage-gate', 'name: custom') })
    const previous = process.env['SHIPLOG_NO_CACHE']
    process.env['SHIPLOG_NO_CACHE'] = '1'
    try {
      expect((await loadProject(root, {}, { cache: true })).templates.get('custom')?.manifest?.name).toBe('custom')
    } finally {
      if (previous === undefined) delete process.env['SHIPLOG_NO_CACHE']
      else process.env['SHIPLOG_NO_CACHE'] = previous
    }
    expect(existsSync(join(root, '.shiplog'))).toBe(false)
    await loadProject(root, {}, { cache: true })
    expect(entriesIn(root)).toHaveLength(5)
  })

  it('is not used when the work folder leads out of the project, and writes nothing there', async () => {
    const outside = tempProject({}, 'shiplog-outside-')
    const root = project({ 'templates/custom.md': STAGE_GATE.replace('name: stage-gate', 'name: custom') })
    symlinkSync(outside, join(root, '.shiplog'))
    const opened = await loadProject(root, {}, { cache: true })
    expect(opened.templates.get('custom')?.manifest?.name).toBe('custom')
    expect(readdirSync(outside)).toEqual([])
  })
})
