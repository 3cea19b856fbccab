import { escapeValue } from './escapeValue.ts'
import { formatValue } from './formatValue.ts'
import { handlebarsEnvironment } from './handlebarsEnvironment.ts'
import { HELPER_SIGNATURES } from './helperSignatures.ts'
import { outputContext, type OutputContext } from './outputContext.ts'
import { parseManifest } from './parseManifest.ts'
import { parseTemplate } from './parseTemplate.ts'
import { templateLayout, type TemplateLayout } from './templateLayout.ts'
import { TemplateError } from './TemplateError.ts'
import { toContext } from './toContext.ts'
import { topLevelName } from './topLevelName.ts'
import { walkTemplate, type Scope } from './walkTemplate.ts'

export interface RenderTemplateOptions {
  /** The template's path, for messages (for example `templates/deployment.md`). */
  file: string
  /** Values by variable name: strings, and `changes` as a list of `{id, title, committed_at, author?, url?}`. */
  values: { [name: string]: unknown }
}

export interface RenderedTemplate {
  /** The record's text: no manifest comment, exactly one line break at the end. */
  text: string
  /**
   * Top-level variables left as `{{name}}` in the text, in order of first appearance, then the
   * manifest's required variables that have no value.
   */
  missing: string[]
}

/** Where one output mustache writes, and what it writes when its value is missing. */
interface OutputSite {
  context: OutputContext
  /** `{{{…}}}` or `{{&…}}`: written as is. */
  raw: boolean
  /**
   * For a variable, the mustache as written (`{{name}}`, `{{ name }}`, without `~`), or `{{name}}`
   * for a triple-stash or a mustache over several lines; null for a helper call, which writes
   * nothing when it gives nothing.
   */
  placeholder: string | null
  /** The top-level variable read, when the mustache reads one. */
  name: string | null
}

const OUTPUT_HELPER = 'shiplog-output'

const KNOWN_HELPERS: { [name: string]: boolean } = Object.fromEntries(
  [...Object.keys(HELPER_SIGNATURES), OUTPUT_HELPER].map((name) => [name, true]),
)

/**
 * Renders a template once with the given values. A missing or blank value stays visible as its
 * `{{name}}` placeholder and is false in conditions. Values are escaped for where they land
 * (YAML string, code block, table row, Markdown text) instead of HTML-escaped, and can never
 * run as template code. Throws a `TemplateError` on a syntax error or an unsupported construct.
 */
export function renderTemplate(source: string, options: RenderTemplateOptions): RenderedTemplate {
  const { file } = options
  const program = parseTemplate(source, file)
  const layout = templateLayout(source, program)

  const found: Array<{ node: hbs.AST.MustacheStatement; scope: Scope }> = []
  walkTemplate(program, { mustache: (node, scope) => found.push({ node, scope }) })
  const sites = found.map(({ node, scope }, index) => {
    const site = describeSite(node, scope, layout)
    routeThroughOutput(node, index)
    return site
  })

  const context = toContext(options.values)
  const missing = new Set<string>()
  const output = (index: number, value: unknown): string => {
    const site = sites[index]
    if (!site) return ''
    const text = formatValue(value)
    if (text === null) {
      if (site.placeholder === null) return ''
      if (site.name !== null) missing.add(site.name)
      const quoted = !site.raw && site.context.kind === 'yaml' && site.context.style === 'plain' && site.context.whole
      return quoted ? `"${site.placeholder}"` : site.placeholder
    }
    return site.raw ? text : escapeValue(text, value, site.context)
  }

  let rendered: string
  try {
    const template = handlebarsEnvironment().compile(program, {
      noEscape: true,
      strict: false,
      data: true,
      knownHelpers: KNOWN_HELPERS,
      knownHelpersOnly: false,
    })
    rendered = template(context, {
      helpers: { [OUTPUT_HELPER]: output },
      allowProtoPropertiesByDefault: false,
      allowProtoMethodsByDefault: false,
      allowCallsToHelperMissing: false,
    })
  } catch (error) {
    throw renderError(error, file)
  }

  const { manifest } = parseManifest(source, '')
  for (const [name, variable] of Object.entries(manifest?.variables ?? {})) {
    if (variable.required && formatValue(context[name]) === null) missing.add(name)
  }

  const text = rendered.replace(/^\uFEFF/, '').replace(/^(?:[ \t]*\r?\n)+/, '').replace(/[ \t\r\n]+$/, '') + layout.eol
  return { text, missing: [...missing] }
}

function describeSite(node: hbs.AST.MustacheStatement, scope: Scope, layout: TemplateLayout): OutputSite {
  const call = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0
  const path = !call && node.path.type === 'PathExpression' ? (node.path as hbs.AST.PathExpression) : null
  return {
    context: outputContext(layout, node.loc.start, node.loc.end),
    raw: !node.escaped,
    placeholder: path ? placeholderOf(node, path, layout) : null,
    name: path ? topLevelName(path, scope) : null,
  }
}

function placeholderOf(node: hbs.AST.MustacheStatement, path: hbs.AST.PathExpression, layout: TemplateLayout): string {
  const { start, end } = node.loc
  if (node.escaped && start.line === end.line) {
    const written = (layout.lines[start.line - 1] ?? '').slice(start.column, end.column)
    if (/^\{\{[^{}]*\}\}$/.test(written)) return written.replace(/^\{\{~/, '{{').replace(/~\}\}$/, '}}')
  }
  return `{{${path.original}}}`
}

/**
 * Rewrites `{{x}}` into `{{shiplog-output <index> x}}` and `{{helper a b}}` into
 * `{{shiplog-output <index> (helper a b)}}`, so every value written passes through `output`.
 */
function routeThroughOutput(node: hbs.AST.MustacheStatement, index: number): void {
  const call = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0
  const loc = node.loc
  const value: hbs.AST.Expression = call
    ? ({ type: 'SubExpression', path: node.path, params: node.params, hash: node.hash, loc } as hbs.AST.SubExpression)
    : node.path
  const helper: hbs.AST.PathExpression = { type: 'PathExpression', data: false, depth: 0, parts: [OUTPUT_HELPER], original: OUTPUT_HELPER, loc }
  const position: hbs.AST.NumberLiteral = { type: 'NumberLiteral', value: index, original: index, loc }
  node.path = helper
  node.params = [position, value]
  ;(node as unknown as { hash: undefined }).hash = undefined
}

function renderError(error: unknown, file: string): TemplateError {
  if (error instanceof TemplateError) return error
  const message = error instanceof Error ? error.message : String(error)
  const located = error as { lineNumber?: unknown; column?: unknown }
  const line = typeof located.lineNumber === 'number' ? located.lineNumber : 1
  const column = typeof located.column === 'number' ? located.column + 1 : 1
  return new TemplateError(`Unexpected error while rendering: ${message.replace(/ - \d+:\d+$/, '')}`, { file, line, column })
}
