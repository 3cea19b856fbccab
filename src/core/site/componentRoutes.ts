import { routeSegment } from './routeSegment.ts'

/**
 * Gives every component a route id: lower-cased, reduced to `a-z 0-9 . _ -` and to at most 100
 * characters (`routeSegment`); collisions get `-2`, `-3`, … in name order. Returns name → id.
 */
export function componentRoutes(names: readonly string[]): Map<string, string> {
  const taken = new Set<string>(['index'])
  const routes = new Map<string, string>()
  for (const name of [...names].sort()) {
    const base = routeSegment(name) || 'component'
    let id = base
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
    taken.add(id)
    routes.set(name, id)
  }
  return routes
}

/** The site address of a component's page (base-less). */
export function componentHref(id: string): string {
  return `/components/${id}.html`
}
