#!/usr/bin/env node
// Compiles src/ to dist/ (ES modules and .d.ts, `tsc -p tsconfig.build.json`): what `bin/shiplog.js`,
// the package's `exports` and every worker thread run. Plain JavaScript, so that it runs with
// nothing but Node and TypeScript (`npm ci`, `npm pack`, installing from git: see package.json).
//
//   node scripts/build.js              compile (always)
//   node scripts/build.js --if-stale   compile only when dist/ was not built from the sources as they are
//
// It stamps dist/ with what it was compiled from (scripts/buildState.js), so that nothing runs
// compiled code older than the sources without saying so: the test suite builds first
// (vitest.config.ts), and bin/shiplog.js refuses, in a clone, to run a stale dist/.
import { spawnSync } from 'node:child_process'
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, relative, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildProblem, ROOT, sourceDigest, sourceFiles, STAMP } from './buildState.js'

/**
 * Compiles src/ into a fresh folder beside dist/, stamps it, then puts it in dist/'s place: a
 * failed build leaves the previous dist/ as it was, and no file of a removed source stays behind.
 * Resolves to the milliseconds it took; throws with tsc's output when the sources do not compile.
 */
export async function build(root = ROOT) {
  const started = performance.now()
  // Sources saved from now on are newer than the stamp says, and are compared by content.
  const since = Date.now()
  const digest = await sourceDigest(root)
  const next = join(root, `dist.building-${process.pid}`)
  const old = join(root, `dist.old-${process.pid}`)
  rmSync(next, { recursive: true, force: true })
  const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc')
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', next], { cwd: root, encoding: 'utf8' })
  if (result.status !== 0) {
    rmSync(next, { recursive: true, force: true })
    throw new Error(`tsc -p tsconfig.build.json failed:\n${result.stdout}${result.stderr}`)
  }
  const sources = sourceFiles(root).map((file) => relative(root, file).split(sep).join('/'))
  writeFileSync(join(next, STAMP), `${JSON.stringify({ digest, since, sources })}\n`)
  const dist = join(root, 'dist')
  if (existsSync(dist)) renameSync(dist, old)
  renameSync(next, dist)
  rmSync(old, { recursive: true, force: true })
  return performance.now() - started
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const ifStale = process.argv.includes('--if-stale')
  const problem = ifStale ? await buildProblem() : 'asked to build'
  if (problem === null) process.exit(0)
  try {
    const ms = await build()
    process.stdout.write(`dist/ built in ${(ms / 1000).toFixed(1)} s${ifStale ? ` (${problem})` : ''}\n`)
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  }
}
