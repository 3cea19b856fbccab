import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runMain } from '../hardening/helpers.ts'
import { REPO_ROOT } from '../helpers/runCli.ts'

/**
 * The output folder is never the project's own data: every refusal below happens before anything
 * is read or built, so a wrong `--out-dir` costs nothing and deletes nothing.
 */

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A fresh project (`<tmp>/project`) with a record, a template, a `.git` folder. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shiplog-outdir-'))
  dirs.push(dir)
  const root = join(dir, 'project')
  mkdirSync(join(root, 'releases'), { recursive: true })
  mkdirSync(join(root, 'templates'))
  mkdirSync(join(root, '.git'))
  cpSync(join(REPO_ROOT, 'releases/payments-api/2.4.0.md'), join(root, 'releases/2.4.0.md'))
  cpSync(join(REPO_ROOT, 'templates/deployment.md'), join(root, 'templates/deployment.md'))
  writeFileSync(join(root, '.git/HEAD'), 'ref: refs/heads/main\n')
  return root
}

/** Every file under `dir` with its content, relative paths. */
function contents(dir: string): { [file: string]: string } {
  const files: { [file: string]: string } = {}
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[join(entry.parentPath, entry.name).slice(dir.length + 1)] = readFileSync(join(entry.parentPath, entry.name), 'utf8')
  }
  return files
}

describe('shiplog build --out-dir', () => {
  it('should refuse --out-dir releases (exit 2, naming the flag) and leave every record in place', async () => {
    const root = project()
    const before = contents(root)
    const result = await runMain(['--root', root, 'build', '--out-dir', 'releases'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      "shiplog: Unexpected --out-dir \"releases\": it is the releases folder `releases`, expected an output folder apart from the project's own files (e.g. `dist`): it is replaced on every build\n",
    )
    expect(contents(root)).toEqual(before)
  })

  it.each([
    ['.', 'expected a folder inside the project (no `..`, not the project itself), or an absolute path'],
    ['..', 'expected a folder inside the project (no `..`, not the project itself), or an absolute path'],
    ['releases/site', "it lies inside the releases folder `releases`, expected an output folder apart from the project's own files (e.g. `dist`): it is replaced on every build"],
    ['templates', "it is the templates folder `templates`, expected an output folder apart from the project's own files (e.g. `dist`): it is replaced on every build"],
    ['.git', "it is `.git`, expected an output folder apart from the project's own files (e.g. `dist`): it is replaced on every build"],
    ['.shiplog', "it is `.shiplog`, expected an output folder apart from the project's own files (e.g. `dist`): it is replaced on every build"],
  ])('should refuse --out-dir %j (exit 2) and change nothing', async (outDir, why) => {
    const root = project()
    const before = contents(root)
    const result = await runMain(['--root', root, 'build', '--out-dir', outDir])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(`shiplog: Unexpected --out-dir ${JSON.stringify(outDir)}: ${why}\n`)
    expect(contents(root)).toEqual(before)
  })

  it('should refuse an output folder in the configuration file the same way, naming the key', async () => {
    const root = project()
    writeFileSync(join(root, 'shiplog.config.json'), JSON.stringify({ site: { outDir: 'releases' } }))
    const before = contents(root)
    const result = await runMain(['--root', root, 'build'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      "shiplog: Invalid configuration:\nshiplog.config.json: `site.outDir`: it is the releases folder `releases`, expected an output folder apart from the project's own files (e.g. `dist`): it is replaced on every build\n",
    )
    expect(contents(root)).toEqual(before)
  })

  it('should refuse --base relative (exit 2, naming the flag) and build nothing', async () => {
    const root = project()
    const result = await runMain(['--root', root, 'build', '--base', 'relative'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('shiplog: Unexpected --base "relative": expected a path that starts and ends with `/`\n')
    expect(existsSync(join(root, 'dist'))).toBe(false)
    expect(existsSync(join(root, '.shiplog'))).toBe(false)
  })

  it.each([
    ['the project itself', (root: string) => root, 'it is the project, expected a folder of its own (e.g. dist)'],
    ['the folder holding the project', (root: string) => dirname(root), 'it holds the project, expected a folder of its own (e.g. dist)'],
    [
      'the releases folder',
      (root: string) => join(root, 'releases'),
      "it is the releases folder releases, expected a folder apart from the project's own files (e.g. dist)",
    ],
    ['a folder inside .git', (root: string) => join(root, '.git', 'site'), "it lies inside .git, expected a folder apart from the project's own files (e.g. dist)"],
  ])('should refuse an absolute --out-dir that is %s (exit 2) and change nothing', async (_, outDirOf, why) => {
    const root = project()
    const outDir = outDirOf(root)
    const before = contents(dirname(root))
    const result = await runMain(['--root', root, 'build', '--out-dir', outDir])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(`shiplog: Unexpected output folder ${outDir}: ${why}\n`)
    expect(contents(dirname(root))).toEqual(before)
  })

  it('should refuse an output folder that is a link to the releases folder (exit 2)', async () => {
    const root = project()
    symlinkSync('releases', join(root, 'public'))
    const before = contents(join(root, 'releases'))
    const result = await runMain(['--root', root, 'build', '--out-dir', 'public'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      `shiplog: Unexpected output folder public: it is the releases folder releases, expected a folder apart from the project's own files (e.g. dist)\n`,
    )
    expect(contents(join(root, 'releases'))).toEqual(before)
  })

  it("should refuse the project's own VitePress folder, site/ (exit 2)", async () => {
    const root = project()
    mkdirSync(join(root, 'site/.vitepress'), { recursive: true })
    writeFileSync(join(root, 'site/.vitepress/config.ts'), 'export default {}\n')
    const result = await runMain(['--root', root, 'build', '--out-dir', 'site'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      `shiplog: Unexpected output folder site: it is the VitePress folder ${join(root, 'site')}, expected a folder apart from the project's own files (e.g. dist)\n`,
    )
    expect(readFileSync(join(root, 'site/.vitepress/config.ts'), 'utf8')).toBe('export default {}\n')
  })

  it('should refuse to replace a non-empty folder that shiplog did not build, saying --force (exit 2)', async () => {
    const root = project()
    mkdirSync(join(root, 'public'))
    writeFileSync(join(root, 'public/hand-written.html'), '<p>keep me</p>')
    const result = await runMain(['--root', root, 'build', '--out-dir', 'public'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      `shiplog: Unexpected folder ${join(root, 'public')}: shiplog did not build it (no .shiplog-site in it), expected a missing or empty folder or a site shiplog built; run shiplog build --force to replace it\n`,
    )
    expect(contents(join(root, 'public'))).toEqual({ 'hand-written.html': '<p>keep me</p>' })
  })
})
