import { createHash } from 'node:crypto'
import { cpSync as realCpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, sep } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { loadProject } from '../../src/node/fs/loadProject.ts'
import { buildSite } from '../../src/node/site/buildSite.ts'
import { REPO_ROOT } from '../helpers/runCli.ts'

/**
 * Publishing the site when the disk says no. CI runs as root on one file system, so the file
 * system is made to answer as another one would: with `crossDevice`, `.shiplog` (where VitePress
 * builds) and the output folder's parent are different file systems, so a rename between them
 * fails with EXDEV, as Node's does; with `spaceFor`, the output's file system is full after that
 * many files copied into it (ENOSPC). VitePress itself is replaced by a writer of a 48-file site.
 */
const disk = vi.hoisted(() => ({ crossDevice: false, spaceFor: null as number | null, copied: 0, builds: 0, vitepressFails: false }))

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>()
  const inWork = (path: unknown): boolean => String(path).includes(`${sep}.shiplog${sep}`)
  const failure = (code: string, errno: number, syscall: string, path: unknown): Error =>
    Object.assign(new Error(`${code}: ${code === 'EXDEV' ? 'cross-device link not permitted' : 'no space left on device'}, ${syscall} '${String(path)}'`), {
      code,
      errno,
      syscall,
      path: String(path),
    })
  const renameSync: typeof fs.renameSync = (from, to) => {
    if (disk.crossDevice && inWork(from) !== inWork(to)) throw failure('EXDEV', -18, 'rename', from)
    return fs.renameSync(from, to)
  }
  const spend = (to: unknown): void => {
    if (disk.spaceFor === null || inWork(to)) return
    if (disk.copied >= disk.spaceFor) throw failure('ENOSPC', -28, 'copyfile', to)
    disk.copied++
  }
  const copyFileSync: typeof fs.copyFileSync = (from, to, mode) => {
    spend(to)
    return fs.copyFileSync(from, to, mode)
  }
  // A recursive copy goes file by file, as Node's does: the disk fills up mid-copy whichever way the site is copied.
  const cpSync = (from: string, to: string): void => {
    if (fs.statSync(from).isDirectory()) {
      fs.mkdirSync(to, { recursive: true })
      for (const name of fs.readdirSync(from)) cpSync(join(from, name), join(to, name))
    } else {
      copyFileSync(from, to)
    }
  }
  const patched = { ...fs, renameSync, copyFileSync, cpSync }
  return { ...patched, default: patched }
})

vi.mock('../../src/node/site/runVitepressBuild.ts', async () => {
  const fs = await vi.importActual<typeof import('node:fs')>('node:fs')
  return {
    runVitepressBuild: async (job: { outDir: string }): Promise<void> => {
      if (disk.vitepressFails) throw new Error('VitePress failed')
      disk.builds++
      fs.mkdirSync(join(job.outDir, 'assets'), { recursive: true })
      fs.mkdirSync(join(job.outDir, 'releases'), { recursive: true })
      fs.writeFileSync(join(job.outDir, 'index.html'), `<h1>build ${disk.builds}</h1>`)
      fs.writeFileSync(join(job.outDir, '404.html'), `<h1>not found, build ${disk.builds}</h1>`)
      for (let i = 0; i < 30; i++) fs.writeFileSync(join(job.outDir, 'assets', `chunk-${i}.js`), `// build ${disk.builds} chunk ${i}\n`.repeat(50))
      for (let i = 0; i < 16; i++) fs.writeFileSync(join(job.outDir, 'releases', `1.${i}.0.html`), `<p>build ${disk.builds} release 1.${i}.0</p>`)
    },
  }
})

const DEAD_PID = 2 ** 22 + 1 // above Linux's pid_max: no process has it

let root: string
let parent: string
beforeEach(() => {
  Object.assign(disk, { crossDevice: false, spaceFor: null, copied: 0, builds: 0, vitepressFails: false })
  parent = mkdtempSync(join(tmpdir(), 'shiplog-publish-'))
  root = join(parent, 'project')
  mkdirSync(join(root, 'releases'), { recursive: true })
  realCpSync(join(REPO_ROOT, 'releases/payments-api/2.4.0.md'), join(root, 'releases/2.4.0.md'))
})
afterEach(() => {
  rmSync(parent, { recursive: true, force: true })
})

/** Every file under `dir` with a hash of its bytes. */
function snapshot(dir: string): { [file: string]: string } {
  const files: { [file: string]: string } = {}
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[join(entry.parentPath, entry.name).slice(dir.length + 1)] = createHash('sha256').update(readFileSync(join(entry.parentPath, entry.name))).digest('hex')
  }
  return files
}

/** Builds the project's site into `outDir` (absolute; default `<project>/dist`). */
async function build(outDir?: string): Promise<void> {
  const project = await loadProject(root)
  await buildSite(project, { quiet: true, ...(outDir === undefined ? {} : { outDir }) })
}

/** What the failed build threw. */
async function failure(outDir?: string): Promise<Error> {
  try {
    await build(outDir)
  } catch (error) {
    return error as Error
  }
  throw new Error('the build succeeded')
}

/** What is left in `.shiplog` besides shiplog's own folders (staging copies). */
const workLeftovers = (): string[] => readdirSync(join(root, '.shiplog')).filter((name) => !['site', 'cache', 'node_modules'].includes(name))

describe('build, publishing to an output folder on another file system', () => {
  it('should copy the site beside the output folder and rename it in, leaving nothing else (EXDEV)', async () => {
    await build()
    disk.crossDevice = true
    await build()
    const site = snapshot(join(root, 'dist'))
    expect(Object.keys(site)).toHaveLength(49) // the 48 files VitePress wrote and the marker
    expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).toBe('<h1>build 2</h1>')
    expect(readdirSync(root).sort()).toEqual(['.shiplog', 'dist', 'releases'])
    expect(workLeftovers()).toEqual([])
  })

  it('should leave the old site byte for byte and nothing else when the disk fills up mid-copy (ENOSPC after 20 files)', async () => {
    await build()
    const before = snapshot(join(root, 'dist'))
    expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).toBe('<h1>build 1</h1>')
    Object.assign(disk, { crossDevice: true, spaceFor: 20 })
    const error = await failure()
    expect(error.message).toBe(`Could not publish the site to ${join(root, 'dist')}: no space left on the device (ENOSPC); the previous site is unchanged`)
    expect(disk.copied).toBe(20)
    expect(snapshot(join(root, 'dist'))).toEqual(before)
    expect(readdirSync(root).sort()).toEqual(['.shiplog', 'dist', 'releases'])
    expect(workLeftovers()).toEqual([])
  })

  it('should leave nothing behind when the disk fills up on a first build, to an absolute folder elsewhere', async () => {
    const deploy = join(parent, 'deploy')
    mkdirSync(deploy)
    Object.assign(disk, { crossDevice: true, spaceFor: 5 })
    await failure(join(deploy, 'www'))
    expect(readdirSync(deploy)).toEqual([])
    expect(workLeftovers()).toEqual([])
  })
})

describe('build, after an earlier build was killed while publishing', () => {
  /** Leaves what a build killed between "old site aside" and "new site in" leaves: no dist, the old site aside, a half copy. */
  async function killedMidPublish(): Promise<{ [file: string]: string }> {
    await build()
    const before = snapshot(join(root, 'dist'))
    const renamedAside = join(root, `.dist.old-${DEAD_PID}-0123abcd`)
    realCpSync(join(root, 'dist'), renamedAside, { recursive: true })
    rmSync(join(root, 'dist'), { recursive: true })
    mkdirSync(join(root, `.dist.new-${DEAD_PID}-89abcdef/assets`), { recursive: true })
    writeFileSync(join(root, `.dist.new-${DEAD_PID}-89abcdef/assets/chunk-0.js`), '// half')
    return before
  }

  it('should put the last good site back and remove the half copy, even when the next build fails', async () => {
    const before = await killedMidPublish()
    disk.vitepressFails = true
    const error = await failure()
    expect(error.message).toContain('the site build failed, the previous site in')
    expect(snapshot(join(root, 'dist'))).toEqual(before)
    expect(readdirSync(root).sort()).toEqual(['.shiplog', 'dist', 'releases'])
  })

  it('should publish the new site and leave nothing of the killed build', async () => {
    await killedMidPublish()
    await build()
    expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).toBe('<h1>build 2</h1>')
    expect(readdirSync(root).sort()).toEqual(['.shiplog', 'dist', 'releases'])
    expect(workLeftovers()).toEqual([])
  })

  it('should keep the folders of a build that is still running', async () => {
    await build()
    const running = join(root, `.dist.new-${process.ppid}-0123abcd`)
    mkdirSync(running)
    await build()
    expect(readdirSync(root).sort()).toEqual(['.dist.new-' + process.ppid + '-0123abcd', '.shiplog', 'dist', 'releases'].sort())
  })
})
