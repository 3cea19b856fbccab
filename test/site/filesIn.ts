import { readdirSync, type Dirent } from 'node:fs'
import { join, relative, sep } from 'node:path'

/** Every file under `dir`, relative, with `/`. */
export function filesIn(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
}
