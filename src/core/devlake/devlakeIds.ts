/**
 * Ids DevLake upserts on, from what names a release: its component and version. Posting the same
 * records again updates the rows these ids name instead of adding new ones (DevLake's webhook
 * stores a deployment under `id` and an issue under `issueKey`, with `CreateOrUpdate`).
 * The component is compared as a keyword (lower-cased), so re-spelling its case keeps the id.
 */
export function deploymentId(component: string, version: string): string {
  return `shiplog:${component}:${version}`
}

/** The key of the incident of a failed deployment: one per deployment. */
export function incidentKey(component: string, version: string): string {
  return `${deploymentId(component, version)}:incident`
}
