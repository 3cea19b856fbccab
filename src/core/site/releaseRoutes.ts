import { routeSegment } from './routeSegment.ts'

/**
 * Gives every record file a route id: its path under the releases folder without `.md`,
 * lower-cased, each segment reduced to `a-z 0-9 . _ -` (anything else becomes `-`) and to at most
 * 100 characters (`routeSegment`), so ids are safe in URLs, file names (on case-insensitive disks
 * too) and import paths. Ids that collide get `-2`, `-3`, … in file order. Returns file → id.
 * Over several repositories `releasesDir` maps each repository to its releases folder, and a file
 * `<repository>/<releases>/<path>` (`inRepository`) gets `<repository>/<path>`: the same path in
 * two repositories is two routes.
 */
export function releaseRoutes(files: readonly string[], releasesDir: string | ReadonlyMap<string, string>): Map<string, string> {
  const prefixOf = (dir: string): string => `${dir.replace(/\\/g, '/').replace(/^\.\/|\/+$/g, '')}/`
  const taken = new Set<string>()
  const routes = new Map<string, string>()
  for (const file of [...files].sort()) {
    // Several repositories (`releasesDir` per repository): `<repository>/<releases>/<path>` → `<repository>/<path>`.
    let repository = ''
    let rest = file
    let prefix = typeof releasesDir === 'string' ? prefixOf(releasesDir) : ''
    if (typeof releasesDir !== 'string') {
      const name = [...releasesDir.keys()].find((key) => file.startsWith(`${key}/`))
      if (name !== undefined) {
        repository = `${routeSegment(name) || 'repository'}/`
        rest = file.slice(name.length + 1)
        prefix = prefixOf(releasesDir.get(name) as string)
      }
    }
    const inside = rest.startsWith(prefix) ? rest.slice(prefix.length) : rest
    const base = repository + (inside
      .replace(/\.md$/i, '')
      .split('/')
      .map(segment)
      .filter((part) => part !== '')
      .join('/') || 'release')
    let id = base
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
    taken.add(id)
    routes.set(file, id)
  }
  return routes
}

function segment(part: string): string {
  const cleaned = routeSegment(part)
  return cleaned === 'index' ? 'index-' : cleaned
}

/** The site address of a release page (base-less). */
export function releaseHref(id: string): string {
  return `/releases/${id}.html`
}
