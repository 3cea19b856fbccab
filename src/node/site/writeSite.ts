import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { removeEmptyParents } from '../fs/removeEmptyParents.ts'
import { writeFileAtomic } from '../fs/writeFileAtomic.ts'
import type { SitePlan } from '../../core/site/planSite.ts'

export interface WriteSiteResult {
  /** Files written (new or changed), relative, with `/`. */
  written: string[]
  /** Files removed. */
  removed: string[]
}

/**
 * Writes a planned site into `srcDir`. Without `previous`, the folder is emptied and every file
 * written. With the plan written last time, only new and changed files are written (each
 * atomically, so a running dev server never reads half a page) and files no longer planned are
 * removed.
 */
export function writeSite(srcDir: string, plan: SitePlan, previous: SitePlan | null = null): WriteSiteResult {
  const written: string[] = []
  const removed: string[] = []
  if (previous === null) {
    rmSync(srcDir, { recursive: true, force: true })
    const made = new Set<string>()
    for (const [path, content] of plan) {
      const target = join(srcDir, path)
      const dir = dirname(target)
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true })
        made.add(dir)
      }
      writeFileSync(target, content)
      written.push(path)
    }
    return { written, removed }
  }
  for (const [path, content] of plan) {
    if (previous.get(path) === content) continue
    writeFileAtomic(join(srcDir, path), content, { overwrite: true })
    written.push(path)
  }
  // Pages first, then their data: a page must never import data that is already gone.
  const gone = [...previous.keys()].filter((path) => !plan.has(path))
  gone.sort((a, b) => Number(b.endsWith('.md')) - Number(a.endsWith('.md')))
  for (const path of gone) {
    rmSync(join(srcDir, path), { force: true })
    removed.push(path)
    removeEmptyParents(srcDir, dirname(join(srcDir, path)))
  }
  return { written, removed }
}
