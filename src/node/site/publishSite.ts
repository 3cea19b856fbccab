import { randomBytes } from 'node:crypto'
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { ShiplogError } from '../../core/errors.ts'
import { isProcessAlive } from '../fs/isProcessAlive.ts'

/** The file `build` puts in every site it publishes: shiplog replaces only a folder holding it. */
export const SITE_MARKER = '.shiplog-site'

const MARKER_TEXT =
  'This folder is a site built by shiplog (shiplog build). Each build replaces the whole folder;\n' +
  'shiplog replaces a non-empty folder only when this file is in it (or with build --force).\n'

/**
 * Checks, before a build, that its site may go to `outDir` (a real path): refused with a
 * ShiplogError (exit 2) when something other than a missing or empty folder or a site shiplog
 * published (one holding SITE_MARKER) is there, unless `force`; a file where a parent folder
 * should be is a ShiplogError (exit 1).
 */
export function assertPublishable(outDir: string, force: boolean): void {
  for (let parent = dirname(outDir); ; parent = dirname(parent)) {
    if (existsSync(parent)) {
      if (!statSync(parent).isDirectory()) {
        throw new ShiplogError(`Could not publish the site to ${outDir}: ${parent} is a file, expected a folder (ENOTDIR)`, 1)
      }
      break
    }
    if (dirname(parent) === parent) break
  }
  let isFolder: boolean
  try {
    isFolder = lstatSync(outDir).isDirectory()
  } catch {
    return
  }
  if (isFolder) {
    const names = readdirSync(outDir)
    if (names.length === 0 || names.includes(SITE_MARKER)) return
  }
  if (force) return
  throw new ShiplogError(
    `Unexpected ${isFolder ? 'folder' : 'file'} ${outDir}: shiplog did not build it (no ${SITE_MARKER} in it), expected a missing or empty folder or a site shiplog built; run shiplog build --force to replace it`,
    2,
  )
}

/**
 * Puts the built site `staging` in place of `outDir`, so that the last good site stays served
 * whole: the site is first moved (or, from another file system, copied) into a temporary sibling
 * of `outDir`, on its file system; then the old site is renamed aside, the new one renamed in and
 * the old one removed. On any failure (a full disk mid-copy, a rename refused) the old site is
 * back in place, complete, and the temporary sibling is gone. A build killed midway leaves
 * siblings that `removeAbandonedPublishes` cleans up. `staging` is the caller's to remove.
 */
export function publishSite(staging: string, outDir: string): void {
  writeFileSync(join(staging, SITE_MARKER), MARKER_TEXT)
  const parent = dirname(outDir)
  mkdirSync(parent, { recursive: true })
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`
  const fresh = join(parent, `.${basename(outDir)}.new-${tag}`)
  const old = join(parent, `.${basename(outDir)}.old-${tag}`)
  try {
    try {
      renameSync(staging, fresh)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
      copyTree(staging, fresh)
    }
  } catch (error) {
    rmSync(fresh, { recursive: true, force: true })
    throw error
  }
  let movedAside = false
  try {
    if (existsSync(outDir) || isLink(outDir)) {
      renameSync(outDir, old)
      movedAside = true
    }
    renameSync(fresh, outDir)
  } catch (error) {
    if (movedAside) renameSync(old, outDir)
    rmSync(fresh, { recursive: true, force: true })
    throw error
  }
  if (movedAside) rmSync(old, { recursive: true, force: true })
}

/**
 * Cleans up after builds of `outDir` whose process is gone (killed while publishing): a site they
 * had moved aside is put back when `outDir` is missing (the last good site), else removed, and
 * their half-copied new sites are removed.
 */
export function removeAbandonedPublishes(outDir: string): void {
  const parent = dirname(outDir)
  const prefix = `.${basename(outDir)}.`
  let names: string[]
  try {
    names = readdirSync(parent)
  } catch {
    return
  }
  // Sites set aside first: one of them may be the last good site to put back.
  const abandoned = names
    .map((name) => ({ name, match: /^(new|old)-(\d+)-[0-9a-f]{8}$/.exec(name.startsWith(prefix) ? name.slice(prefix.length) : '') }))
    .filter(({ match }) => match !== null && Number(match[2]) !== process.pid && !isProcessAlive(Number(match[2])))
    .sort((a, b) => Number(b.match?.[1] === 'old') - Number(a.match?.[1] === 'old'))
  for (const { name, match } of abandoned) {
    const path = join(parent, name)
    if (match?.[1] === 'old' && !existsSync(outDir) && !isLink(outDir)) renameSync(path, outDir)
    else rmSync(path, { recursive: true, force: true })
  }
}

/** Copies the folder `from` to the new folder `to`: folders and regular files (a built site holds nothing else). */
function copyTree(from: string, to: string): void {
  mkdirSync(to)
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name)
    if (entry.isDirectory()) copyTree(source, join(to, entry.name))
    else if (entry.isFile()) copyFileSync(source, join(to, entry.name))
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink()
  } catch {
    return false
  }
}
