/** A template as `shiplog templates` lists it. */
export interface TemplateSummary {
  name: string
  /** The manifest's description, '' when it has none. */
  description: string
  /** Where it comes from: shipped with shiplog, or the project's templates folder. */
  source: 'bundled' | 'project'
  /** A project template that replaces the bundled template of the same name. */
  overrides: boolean
  /** The template `shiplog new` uses without `--template`. */
  default: boolean
  /** Path for messages: relative to the project root, or `(bundled) templates/x.md`. */
  file: string
  /** Errors in its manifest (see `shiplog check --templates`). */
  errors: number
}

/** What `listTemplates` reads of a loaded template. */
export interface ListedTemplate {
  name: string
  file: string
  bundled: boolean
  overrides: boolean
  manifest: { description: string } | null
  problems: ReadonlyArray<{ severity: string }>
}

/** The templates a project can use, sorted by name, with where each comes from. */
export function listTemplates(templates: Iterable<ListedTemplate>, defaultTemplate: string): TemplateSummary[] {
  return [...templates]
    .map((template) => ({
      name: template.name,
      description: template.manifest?.description ?? '',
      source: template.bundled ? ('bundled' as const) : ('project' as const),
      overrides: template.overrides,
      default: template.name === defaultTemplate,
      file: template.file,
      errors: template.problems.filter((problem) => problem.severity === 'error').length,
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

/**
 * The text `shiplog templates` prints: one line per template (name, origin, description), then
 * the file of each project template.
 */
export function formatTemplateList(summaries: readonly TemplateSummary[]): string {
  if (summaries.length === 0) return 'No templates.\n'
  const origin = (summary: TemplateSummary): string =>
    summary.source === 'bundled' ? 'bundled' : summary.overrides ? 'project, overrides bundled' : 'project'
  const nameWidth = summaries.reduce((width, summary) => Math.max(width, summary.name.length + (summary.default ? 10 : 0)), 0)
  const originWidth = summaries.reduce((width, summary) => Math.max(width, origin(summary).length), 0)
  const lines = summaries.map((summary) => {
    const name = `${summary.name}${summary.default ? ' (default)' : ''}`
    const note = summary.errors > 0 ? ` [manifest has ${summary.errors} error${summary.errors === 1 ? '' : 's'}: shiplog check --templates]` : ''
    const description = (summary.description || '(no description)').replace(/\s+/g, ' ')
    return `${name.padEnd(nameWidth)}  ${origin(summary).padEnd(originWidth)}  ${description}${note}`.trimEnd()
  })
  const files = summaries.filter((summary) => summary.source === 'project').map((summary) => `  ${summary.name}: ${summary.file}`)
  return `${lines.join('\n')}\n${files.length > 0 ? `\nProject templates:\n${files.join('\n')}\n` : ''}`
}
