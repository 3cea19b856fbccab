import { homedir } from 'node:os'
import { isAbsolute, join } from 'node:path'

/**
 * shiplog's per-user cache folder, outside every project: `$XDG_CACHE_HOME/shiplog`, else
 * `~/.cache/shiplog`; null without a home folder. What lives here (the cache key, Vite's
 * dependency cache) must not be writable by whoever can commit to a project or share its CI cache.
 */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const xdg = env['XDG_CACHE_HOME']
  if (xdg && isAbsolute(xdg)) return join(xdg, 'shiplog')
  const home = env['HOME'] || safeHomedir()
  return home ? join(home, '.cache', 'shiplog') : null
}

function safeHomedir(): string | null {
  try {
    return homedir() || null
  } catch {
    return null
  }
}
