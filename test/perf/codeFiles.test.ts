import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, sep } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { codeFilesFrom } from '../../src/node/cache/codeFiles.ts'
import { compiled } from '../helpers/compiled.ts'
import { REPO_ROOT } from '../helpers/runCli.ts'

// The record and body caches key their entries on the code that parses and renders: the files of
// the running code, `src/*.ts` when the tests run the sources, `dist/*.js` in the package.

const roots: string[] = []
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

const DIST = join(REPO_ROOT, 'dist') + sep
const SRC = join(REPO_ROOT, 'src') + sep

describe('codeFilesFrom', () => {
  it('should follow relative imports from the entries, in the sources when they run', () => {
    const files = codeFilesFrom(['core/site/renderRecordBody'])
    expect(files.map((file) => file.slice(SRC.length))).toEqual([
      'core/record/cleanLabel.ts',
      // The body is read with the record parser's own Markdown parse (and tree builder).
      'core/record/fromMarkdown.ts',
      'core/record/normalizeName.ts',
      'core/record/parseBody.ts',
      'core/record/recordGfm.ts',
      'core/site/choiceHint.ts',
      'core/site/hastText.ts',
      'core/site/rehypeAccessibleRecord.ts',
      'core/site/rehypeSummaryFirst.ts',
      'core/site/renderRecordBody.ts',
      'core/site/repoFileUrl.ts',
      'core/site/slugify.ts',
      'core/site/toSingleLine.ts',
    ])
  })
})

describe('the caches of the compiled package', () => {
  it('should key records on the compiled parser’s own files, every one of them in dist/', async () => {
    const { parseSources } = await compiled<typeof import('../../src/node/cache/recordCache.ts')>('node/cache/recordCache')
    const files = parseSources()
    expect(files.filter((file) => !file.startsWith(DIST) || !file.endsWith('.js') || !existsSync(file))).toEqual([])
    const names = files.map((file) => file.slice(DIST.length))
    expect(names).toEqual(expect.arrayContaining(['core/record/parseRecord.js', 'core/record/parseBody.js', 'core/record/fromMarkdown.js', 'node/cache/recordCodec.js', 'node/workers/parseWorker.js']))
    expect(names.filter((name) => /^(core\/check|core\/site|node\/site|cli)\//.test(name))).toEqual([])
  })

  it('should key bodies on the compiled renderer’s files, and serve what it rendered', async () => {
    const { createBodyCache } = await compiled<typeof import('../../src/node/cache/bodyCache.ts')>('node/cache/bodyCache')
    const dir = mkdtempSync(join(tmpdir(), 'shiplog-bodies-'))
    roots.push(dir)
    const secret = Buffer.alloc(32, 7)
    const options = { file: 'releases/1.0.0.md' }
    const html = createBodyCache(dir, secret).render('# Checks\n\n- [x] Smoke tests\n', options)
    // the heading is demoted (the page has its own title); the task is a disabled, checked box
    expect(html).toContain('<h2')
    expect(html).toContain('<input type="checkbox" checked disabled aria-label="Smoke tests"> Smoke tests')
    expect(createBodyCache(dir, secret).peek('# Checks\n\n- [x] Smoke tests\n', options)).toBe(html)
  })
})
