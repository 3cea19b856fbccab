import { join, resolve } from 'node:path'
import { folderInside, projectFolder } from '../fs/pathRule.ts'

/**
 * A folder of the project's caches (`records`, `templates`, `checks`): `$SHIPLOG_CACHE_DIR/<name>`
 * (relative to the project) when set, else `<root>/.shiplog/cache/<name>`, which obeys the path
 * rule: `.shiplog` and its cache folders stay inside the project (a ShiplogError, exit 2, names
 * a link that leads out).
 */
export function cacheFolderOf(root: string, name: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env['SHIPLOG_CACHE_DIR']) return join(resolve(root, env['SHIPLOG_CACHE_DIR']), name)
  const workDir = projectFolder(root, '.shiplog', 'work folder')
  return folderInside(join(workDir, 'cache', name), workDir, `work folder .shiplog/cache/${name}`, '.shiplog')
}
