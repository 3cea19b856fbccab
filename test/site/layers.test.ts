import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../helpers/runCli.ts'

// The site's code is split by where it runs (docs/site.md, "How the pieces fit"): these rules are
// read off the source, so that a file breaking one is named. The purity of src/core and src/shared
// is pinned for every layer in test/architecture/layers.test.ts.

/** Every `.ts`, `.js` and `.vue` file under `dir` (relative to the repository), with its text. */
function sources(dir: string): Array<[string, string]> {
  return readdirSync(join(REPO_ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|mts|js|mjs|vue)$/.test(entry.name))
    .map((entry) => {
      const path = join(entry.parentPath, entry.name)
      return [relative(REPO_ROOT, path), readFileSync(path, 'utf8')] as [string, string]
    })
    .sort(([a], [b]) => a.localeCompare(b))
}

/** The module specifiers a file imports (static, dynamic and re-exports), each with its statement. */
function importsOf(text: string): Array<{ from: string; statement: string }> {
  const found: Array<{ from: string; statement: string }> = []
  for (const match of text.matchAll(/^\s*(?:import|export)\b[^'"`;]*?from\s*(['"])([^'"]+)\1|import\(\s*(['"])([^'"]+)\3\s*\)|^\s*import\s*(['"])([^'"]+)\5/gm)) {
    found.push({ from: match[2] ?? match[4] ?? match[6] ?? '', statement: match[0].trim() })
  }
  return found
}

describe('the site (src/node/site, src/cli/commands, site/)', () => {
  const files = [...sources('src'), ...sources('site')]

  it("should never replace the process's output streams", () => {
    const offending = files.filter(([, text]) => /process\.(stdout|stderr)\.write\s*=[^=]/.test(text)).map(([file]) => file)
    expect(offending).toEqual([])
  })

  it('should pass the generated folder to VitePress in its configuration, not in the environment', () => {
    const setsEnvironment = files.filter(([, text]) => /process\.env(\.\w+|\[[^\]]+\])\s*=[^=]/.test(text)).map(([file]) => file)
    expect(setsEnvironment).toEqual([])
    const readsEnvironment = sources('site').filter(([, text]) => /process\.env/.test(text)).map(([file]) => file)
    expect(readsEnvironment).toEqual([])
  })
})

describe('site/ (the Vue client)', () => {
  it('should import the shared page types through @shared, type-only, and nothing else of src/ by path', () => {
    const offending = sources('site').flatMap(([file, text]) =>
      importsOf(text)
        .filter(({ from, statement }) => /(^|\/)src\//.test(from) || (from.startsWith('@shared/') && !/^(import|export) type\b/.test(statement)))
        .map(({ statement }) => `${file}: ${statement}`),
    )
    expect(offending).toEqual([])
    const shared = sources('site').filter(([, text]) => importsOf(text).some(({ from }) => from === '@shared/pageData.ts'))
    expect(shared.length).toBeGreaterThan(0)
  })
})
