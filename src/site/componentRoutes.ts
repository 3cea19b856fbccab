/**
 * Gives every component a route id: lower-cased, reduced to `a-z 0-9 . _ -`; collisions get
 * `-2`, `-3`, … in name order. Returns name → id.
 */
export function componentRoutes(names: readonly string[]): Map<string, string> {
  const taken = new Set<string>(['index'])
  const routes = new Map<string, string>()
  for (const name of [...names].sort()) {
    const base =
      name
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/-{2,}/g, '-')
        .replace(/^[-._]+|[-.]+$/g, '') || 'component'
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
