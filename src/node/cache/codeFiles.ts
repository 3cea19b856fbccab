import type { Hash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { CODE_EXTENSION, CODE_ROOT, PACKAGE_ROOT } from '../fs/packageRoot.ts'

/**
 * The modules of the running code reachable from `entries` (paths below the code's folder,
 * without extension, e.g. `core/record/parseRecord`) through relative imports, sorted: the code a
 * cached result depends on. The running code is `dist/*.js` in the package and `src/*.ts` when the
 * sources run (the tests); each reads its own files, so a changed parser or renderer never serves
 * stale entries, whichever of the two wrote them. A file that cannot be read is listed all the same.
 */
export function codeFilesFrom(entries: readonly string[], root: string = CODE_ROOT, extension: string = CODE_EXTENSION): string[] {
  const seen = new Set<string>()
  const queue = entries.map((entry) => join(root, `${entry}${extension}`))
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue
    seen.add(file)
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch {
      continue
    }
    for (const match of text.matchAll(/\b(?:from|import)\s*\(?\s*['"](\.\.?\/[^'"]+)['"]/g)) queue.push(resolve(dirname(file), match[1] as string))
  }
  return [...seen].sort()
}

/** Feeds each file's path (relative to `base`) and content into `hash` (`(missing)` for one that cannot be read). */
export function hashFiles(hash: Hash, files: readonly string[], base: string): Hash {
  for (const file of files) {
    hash.update(relative(base, file)).update('\0')
    try {
      hash.update(readFileSync(file))
    } catch {
      hash.update('(missing)')
    }
    hash.update('\0')
  }
  return hash
}

/**
 * npm's list of the installed packages shiplog runs with: the nearest `node_modules/.package-lock.json`
 * from shiplog's folder up (its own in a clone, the project's when shiplog is installed in it).
 */
function installedPackagesLock(): string | null {
  for (let dir = PACKAGE_ROOT; ; dir = dirname(dir)) {
    const path = join(dir, 'node_modules', '.package-lock.json')
    if (existsSync(path)) return path
    if (dirname(dir) === dir) return null
  }
}

/**
 * Feeds shiplog's `package.json` (its version) and npm's lock of the installed packages into
 * `hash`: a cached result that depends on a dependency (the YAML or Markdown parser) is not
 * served by another version of it.
 */
export function hashInstalledPackages(hash: Hash): Hash {
  for (const [file, path] of [
    ['package.json', join(PACKAGE_ROOT, 'package.json')],
    ['node_modules/.package-lock.json', installedPackagesLock()],
  ] as const) {
    if (path !== null && existsSync(path)) hash.update(file).update('\0').update(readFileSync(path)).update('\0')
  }
  return hash
}
