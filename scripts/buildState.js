// Whether dist/ was compiled from the sources as they are. dist/.build-stamp holds a digest (and
// the list) of what dist/ was compiled from: the tsconfig files, every file under src/ and
// TypeScript's version. Only Node's fs and path are loaded unless a source is newer than the
// stamp: bin/shiplog.js asks this on every run in a clone (scripts/build.js writes the stamp).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))
export const STAMP = '.build-stamp'
const CONFIGS = ['tsconfig.json', 'tsconfig.build.json']

/** Every file under `dir`, sorted. */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
}

/** A digest of what dist/ is compiled from: the sources, the tsconfig files, TypeScript's version. */
export async function sourceDigest(root = ROOT) {
  const { createHash } = await import('node:crypto')
  const { createRequire } = await import('node:module')
  const hash = createHash('sha256')
  const typescript = createRequire(join(root, 'package.json')).resolve('typescript/package.json')
  hash.update(`typescript ${JSON.parse(readFileSync(typescript, 'utf8')).version}\0`)
  for (const file of sourceFiles(root)) {
    hash.update(relative(root, file).split(sep).join('/')).update('\0').update(readFileSync(file)).update('\0')
  }
  return hash.digest('hex')
}

/** The files dist/ is compiled from: the tsconfig files and everything under src/. */
export function sourceFiles(root = ROOT) {
  return [...CONFIGS.map((name) => join(root, name)), ...filesUnder(join(root, 'src'))]
}

/**
 * Why dist/ does not match the sources (a sentence), or null when it does. When the stamp names
 * the same files and none was saved since the build began, it is taken at its word; otherwise the
 * digests are compared (a checkout touches files without always changing them).
 */
export async function buildProblem(root = ROOT) {
  const stampFile = join(root, 'dist', STAMP)
  let stamp
  try {
    stamp = JSON.parse(readFileSync(stampFile, 'utf8'))
  } catch {
    return 'dist/ has not been built'
  }
  const sources = sourceFiles(root)
  const names = sources.map((file) => relative(root, file).split(sep).join('/'))
  const sameFiles = Array.isArray(stamp.sources) && stamp.sources.join('\0') === names.join('\0')
  if (sameFiles && typeof stamp.since === 'number' && sources.every((file) => statSync(file).mtimeMs < stamp.since)) return null
  const checkedAt = Date.now()
  if (stamp.digest !== (await sourceDigest(root))) return 'dist/ was compiled from other sources than src/ holds'
  // The same sources, saved again: the next check need not read them (a failed write only costs time).
  try {
    writeFileSync(stampFile, `${JSON.stringify({ ...stamp, since: checkedAt, sources: names })}\n`)
  } catch {
    // read-only checkout
  }
  return null
}
