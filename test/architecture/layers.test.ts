import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../helpers/runCli.ts'

// The layers of docs/architecture.md, read off the source so that a file breaking a rule is named:
// src/core and src/shared are pure; src/node is the only place that reaches the disk, workers or
// the process; src/cli sits on top and nothing below imports it.

/** Every `.ts` file under `dir` (relative to the repository), with its text. */
function sources(dir: string): Array<[string, string]> {
  return readdirSync(join(REPO_ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|mts)$/.test(entry.name))
    .map((entry) => {
      const path = join(entry.parentPath, entry.name)
      return [relative(REPO_ROOT, path), readFileSync(path, 'utf8')] as [string, string]
    })
    .sort(([a], [b]) => a.localeCompare(b))
}

/** The module specifiers a file imports (static, dynamic and re-exports). */
function importsOf(text: string): string[] {
  const found: string[] = []
  for (const match of text.matchAll(/^\s*(?:import|export)\b[^'"`;]*?from\s*(['"])([^'"]+)\1|import\(\s*(['"])([^'"]+)\3\s*\)|^\s*import\s*(['"])([^'"]+)\5/gm)) {
    found.push(match[2] ?? match[4] ?? match[6] ?? '')
  }
  return found
}

/** The layer (`core`, `shared`, `node`, `cli`) a relative import from `file` lands in, if any. */
function layerOf(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null
  const target = relative(join(REPO_ROOT, 'src'), join(REPO_ROOT, file, '..', specifier))
  const top = target.split(/[\\/]/)[0]
  return top === undefined || top.startsWith('..') ? null : top
}

function importsInto(files: Array<[string, string]>, layers: string[]): string[] {
  return files.flatMap(([file, text]) =>
    importsOf(text)
      .filter((specifier) => layers.includes(layerOf(file, specifier) ?? ''))
      .map((specifier) => `${file}: ${specifier}`),
  )
}

describe('src/core and src/shared (the pure core)', () => {
  const files = [...sources('src/core'), ...sources('src/shared')]

  it('should hold every pipeline stage', () => {
    const stages = new Set(sources('src/core').map(([file]) => file.split('/')[2]))
    for (const stage of ['check', 'config', 'init', 'lifecycle', 'metrics', 'new', 'record', 'site', 'status', 'template']) {
      expect(stages.has(stage), stage).toBe(true)
    }
  })

  it('should import nothing from Node but node:path, and no bundler or VitePress', () => {
    const offending = files.flatMap(([file, text]) =>
      importsOf(text)
        .filter((from) => (from.startsWith('node:') && from !== 'node:path') || ['fs', 'child_process', 'worker_threads', 'vitepress', 'vite', 'esbuild', 'chokidar'].includes(from))
        .map((from) => `${file}: ${from}`),
    )
    expect(offending).toEqual([])
  })

  it('should import nothing from the Node edges or the CLI', () => {
    expect(importsInto(files, ['node', 'cli'])).toEqual([])
  })

  it('should not touch the process, the console, timers or workers', () => {
    const offending = files.filter(([, text]) => /\bprocess\.|\bconsole\.|\bWorker\b|worker_threads|\bglobalThis\b|\bsetTimeout\(|\bsetInterval\(/.test(text)).map(([file]) => file)
    expect(offending).toEqual([])
  })
})

describe('src/node (the edges)', () => {
  it('should import nothing from the CLI', () => {
    expect(importsInto(sources('src/node'), ['cli'])).toEqual([])
  })

  it('should not print: progress and messages go back to the caller', () => {
    const offending = sources('src/node')
      .filter(([, text]) => /\bconsole\.(log|info|warn|error)\(|process\.(stdout|stderr)\.write\(/.test(text))
      .map(([file]) => file)
    expect(offending).toEqual([])
  })
})
