import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { writeFileAtomic } from '../fs/writeFileAtomic.ts'
import { cacheMac, isCacheMacValid } from './cacheMac.ts'
import { cacheSecret } from './cacheSecret.ts'
import { readEntryFile } from './entryStore.ts'
import { codeFilesFrom, hashFiles } from './codeFiles.ts'
import { CODE_ROOT } from '../fs/packageRoot.ts'
import { renderRecordBody, type RenderRecordBodyOptions } from '../../core/site/renderRecordBody.ts'

export interface BodyCache {
  /** The record's body as sanitized single-line HTML, from the cache when the same input was rendered before. */
  render(markdown: string, options: RenderRecordBodyOptions): string
  /** The cached HTML of this input, or null when it was not rendered before (or there is no cache). */
  peek(markdown: string, options: RenderRecordBodyOptions): string | null
  /** Stores HTML rendered elsewhere (`renderRecordBody` in a worker) for this input. */
  put(markdown: string, options: RenderRecordBodyOptions, html: string): void
  /** Removes cached bodies not used since the cache was created. */
  prune(): void
}

/** The renderer's own code (the running code's files, `codeFilesFrom`) is part of the key: a changed renderer never serves stale HTML. */
let rendererHash: string | null = null
function rendererKey(): string {
  if (rendererHash === null) rendererHash = hashFiles(createHash('sha256'), codeFilesFrom(['core/site/renderRecordBody']), CODE_ROOT).digest('hex')
  return rendererHash
}

/** The first line of an entry: this format, then the entry's MAC. Bumped when the layout changes. */
const FORMAT = 'shiplog-body-cache 1'

/**
 * A disk cache of rendered record bodies (`.shiplog/cache/bodies/<sha256>.html`), keyed by the
 * body, the record's path, the repository links, what the page's summary shows (`summary`) and
 * the renderer's code. Rendering a record with
 * remark, GFM and the sanitizer costs about as much as parsing it; a rebuild renders only what changed.
 *
 * Anyone can compute a key, and the folder may come from a shared CI cache: each entry carries an
 * HMAC of its format, key and HTML under a secret that is not in the project (`cacheSecret`), and
 * an entry that does not verify is not used (the body is rendered again and the entry replaced).
 * The page writer makes whatever HTML it is given inert as well (`inertRecordHtml`).
 */
export function createBodyCache(dir: string | null, secret: Buffer = cacheSecret()): BodyCache {
  const used = new Set<string>()
  if (dir !== null) mkdirSync(dir, { recursive: true })
  const keyOf = (markdown: string, options: RenderRecordBodyOptions): string =>
    createHash('sha256')
      .update(rendererKey())
      .update('\0')
      .update(JSON.stringify([options.file, options.repo ?? null, options.demoteHeadings ?? true, options.summary ?? null]))
      .update('\0')
      .update(markdown)
      .digest('hex')
  const labelOf = (key: string): string => `${FORMAT}\0${key}`
  const peek = (markdown: string, options: RenderRecordBodyOptions): string | null => {
    if (dir === null) return null
    const key = keyOf(markdown, options)
    used.add(`${key}.html`)
    const text = readEntryFile(join(dir, `${key}.html`))
    if (text === null) return null
    const newline = text.indexOf('\n')
    if (newline < 0 || !text.startsWith(`${FORMAT} `)) return null
    const html = text.slice(newline + 1)
    return isCacheMacValid(secret, labelOf(key), html, text.slice(FORMAT.length + 1, newline)) ? html : null
  }
  const put = (markdown: string, options: RenderRecordBodyOptions, html: string): void => {
    if (dir === null) return
    const key = keyOf(markdown, options)
    try {
      // Atomic: the rename replaces whatever is at the entry's path (a link planted in a restored
      // cache folder is replaced, never followed to the file it names).
      writeFileAtomic(join(dir, `${key}.html`), `${FORMAT} ${cacheMac(secret, labelOf(key), html)}\n${html}`, { overwrite: true })
    } catch {
      // A cache that cannot be written only costs time.
    }
  }
  return {
    render(markdown, options) {
      const cached = peek(markdown, options)
      if (cached !== null) return cached
      const html = renderRecordBody(markdown, options)
      put(markdown, options, html)
      return html
    },
    peek,
    put,
    prune() {
      if (dir === null) return
      for (const name of readdirSync(dir)) {
        if (!used.has(name)) rmSync(join(dir, name), { force: true })
      }
    },
  }
}
