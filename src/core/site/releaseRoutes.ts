import { routeSegment } from './routeSegment.ts'

/**
 * Gives every record file a route id: its path under the releases folder without `.md`,
 * lower-cased, each segment reduced to `a-z 0-9 . _ -` (anything else becomes `-`) and to at most
 * 100 characters (`routeSegment`), so ids are safe in URLs, file names (on case-insensitive disks
 * too) and import paths. Ids that collide get `-2`, `-3`, … in file order. Returns file → id.
 */
export function releaseRoutes(files: readonly string[], releasesDir: string): Map<string, string> {
  const prefix = `${releasesDir.replace(/\\/g, '/').replace(/^\.\/|\/+$/g, '')}/`
  const taken = new Set<string>()
  const routes = new Map<string, string>()
  for (const file of [...files].sort()) {
    const inside = file.startsWith(prefix) ? file.slice(prefix.length) : file
    const base = inside
      .replace(/\.md$/i, '')
      .split('/')
      .map(segment)
      .filter((part) => part !== '')
      .join('/') || 'release'
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
