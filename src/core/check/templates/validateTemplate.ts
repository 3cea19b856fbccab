import { normalizeName } from '../../record/normalizeName.ts'
import { findTable } from '../../record/findTable.ts'
import { ruleNamesGroup } from '../../record/ruleNames.ts'
import type { Point } from '../../record/types.ts'
import { parseManifest, type ManifestPlaces } from '../../template/parseManifest.ts'
import { parseTemplateSyntax } from '../../template/parseTemplate.ts'
import { renderTemplate } from '../../template/renderTemplate.ts'
import { TemplateError } from '../../template/TemplateError.ts'
import { topLevelName } from '../../template/topLevelName.ts'
import { unsupportedConstructs } from '../../template/unsupportedConstructs.ts'
import type { GroupRule, TemplateManifest } from '../../template/types.ts'
import { walkTemplate } from '../../template/walkTemplate.ts'
import { compareDiagnostics } from '../compareDiagnostics.ts'
import { REQUIRED_KEYS } from '../frontmatterSchema.ts'
import { quote } from '../quote.ts'
import { messageAt } from '../../message/messageAt.ts'
import type { PlacedMessage, Severity } from '../../message/ShiplogMessage.ts'
import { templateOutline, type TemplateOutline } from './templateOutline.ts'

/** A template to validate: its name (the file's base name), its path for messages and its text. */
export interface TemplateSource {
  name: string
  file: string
  source: string
}

/** Variables `shiplog new` fills itself; a template may use them without declaring them. */
export const BUILT_IN_VARIABLES: readonly string[] = ['release_version', 'version', 'date']

/**
 * The template validator: validates a template as `shiplog check --templates` does, and returns
 * its diagnostics sorted by line. Never throws. Rules:
 *
 * - `template-syntax` (error): a Handlebars syntax error, or every construct templates may not use
 *   (`unsupportedConstructs`, which `shiplog new` refuses at the first).
 * - `template-manifest` (error or warning): the manifest block, as `parseManifest` reads it
 *   (a gate that is not a status, a role that is not `task`, `signoff` or `trigger`, bad YAML…).
 * - `template-group` (error): a checklist group no manifest rule names, so it has no role.
 * - `template-rule` (warning): a rule naming a group the template does not have, a gate on a
 *   trigger, a `cancelled` gate, or a `when` key the template's frontmatter does not have.
 * - `template-variable` (warning): a variable used but not declared under `variables`
 *   (`release_version`, `version` and `date` are filled by shiplog), or declared but never used.
 * - `template-name` (error or warning): the frontmatter's `template:` names another template
 *   (error) or is missing; the manifest's `name` differs from the file name.
 * - `template-frontmatter` (warning): no frontmatter, or one without a key records require.
 * - `template-table` (warning): `tables.timeline` or `tables.issues` names a heading no table has.
 */
export function validateTemplate(template: TemplateSource): PlacedMessage[] {
  const { file, name, source } = template
  const diagnostics: PlacedMessage[] = []
  const report = (rule: string, severity: Severity, at: Point, message: string): void => {
    diagnostics.push(messageAt(message, { file, place: { line: at.line, column: at.column }, ruleId: rule, severity, source: 'shiplog-check' }))
  }
  const pass = (problem: PlacedMessage): void => {
    problem.file = file
    diagnostics.push(problem)
  }

  const { manifest, problems, places } = parseManifest(source, name)
  for (const problem of problems) pass(problem)

  // The syntax, then every construct templates may not use (the renderer stops at the first), then
  // a render with no values for what only rendering finds. Variables are read from a tree that
  // has none of them.
  let program: hbs.AST.Program | null = null
  try {
    program = parseTemplateSyntax(source, file)
    const unsupported = unsupportedConstructs(program)
    for (const problem of unsupported) pass(problem)
    if (unsupported.length > 0) program = null
    else renderTemplate(source, { file, values: {} })
  } catch (error) {
    if (error instanceof TemplateError) report('template-syntax', 'error', { line: error.line, column: error.column }, error.reason)
    else report('template-syntax', 'error', { line: 1, column: 1 }, `Unexpected template that cannot be read (${describe(error)})`)
  }

  const outline = templateOutline(source, file)
  checkFrontmatter(outline, name, report)
  if (!manifest) return diagnostics.sort(compareDiagnostics)

  if (places.name && manifest.name !== name) {
    report('template-name', 'warning', places.name, `Unexpected manifest name \`${manifest.name}\`, expected \`${name}\`: templates are known by their file name`)
  }
  checkGroups(outline, manifest.groups, report)
  checkRules(outline, places, report)
  checkTables(outline, places, report)
  if (program) checkVariables(program, manifest, places, report)
  return diagnostics.sort(compareDiagnostics)
}

type Reporter = (rule: string, severity: Severity, at: Point, message: string) => void

function checkFrontmatter(outline: TemplateOutline, name: string, report: Reporter): void {
  if (!outline.frontmatter) {
    report(
      'template-frontmatter',
      'warning',
      { line: outline.manifestEndLine + 1, column: 1 },
      `Unexpected template without frontmatter, expected a \`---\` YAML block with \`template: ${name}\` and the keys records need (${REQUIRED_KEYS.join(', ')})`,
    )
    return
  }
  const start = { line: outline.frontmatter.startLine, column: 1 }
  const keys = new Map(outline.keys.map((key) => [key.key, key]))
  const written = keys.get('template')
  if (!written) {
    report('template-name', 'warning', start, `Unexpected frontmatter without \`template: ${name}\`, expected it so that records name the rules they follow`)
  } else if (written.value.trim().toLowerCase() !== name.toLowerCase()) {
    report(
      'template-name',
      'error',
      written,
      `Unexpected \`template: ${written.value.trim()}\` in template \`${name}\`, expected \`template: ${name}\`: records made from it would follow the rules of another template`,
    )
  }
  const missing = REQUIRED_KEYS.filter((key) => !keys.has(key))
  if (missing.length > 0) {
    report(
      'template-frontmatter',
      'warning',
      start,
      `Unexpected frontmatter without ${missing.map((key) => `\`${key}\``).join(', ')}, expected every key a record requires (FORMAT.md §2)`,
    )
  }
}

/** Every checklist group of the template is named by a rule (the first matching rule gives its role). */
function checkGroups(outline: TemplateOutline, rules: readonly GroupRule[], report: Reporter): void {
  for (const stage of outline.stages) {
    for (const group of stage.groups) {
      if (rules.some((rule) => ruleNamesGroup(rule, stage.name, group.name))) continue
      report(
        'template-group',
        'error',
        group,
        `Unexpected checklist ${quote(group.name)} in stage ${quote(stage.name)} without a rule, expected a manifest rule giving it a role, e.g. \`- { stage: ${stage.name}, group: ${group.name}, role: task, gate: approved }\``,
      )
    }
  }
}

/** Rules name groups the template has, and say things that can take effect. */
function checkRules(outline: TemplateOutline, places: ManifestPlaces, report: Reporter): void {
  const keys = new Set(outline.keys.map((key) => key.key))
  for (const rule of places.rules) {
    const stage = outline.stages.find((candidate) => normalizeName(candidate.name) === normalizeName(rule.stage))
    for (const groupName of rule.groups) {
      if (!stage) {
        report('template-rule', 'warning', rule, `Unexpected rule for stage ${quote(rule.stage)}, expected an H2 heading of that name with a checklist in the template`)
        break
      }
      if (groupName.trim() === '*' || stage.groups.some((group) => normalizeName(group.name) === normalizeName(groupName))) continue
      report(
        'template-rule',
        'warning',
        rule,
        `Unexpected rule for group ${quote(groupName)} of stage ${quote(rule.stage)}, expected a checklist under an H3/H4 heading or bold label of that name in the template`,
      )
    }
    if (rule.role === 'trigger' && rule.gate !== undefined && rule.gate !== null) {
      report('template-rule', 'warning', rule, `Unexpected gate \`${String(rule.gate)}\` on a trigger group, expected none: trigger items are conditions and never gate a status`)
    }
    if (rule.gate === 'cancelled') {
      report('template-rule', 'warning', rule, 'Unexpected gate `cancelled`, expected a status that requires work: `cancelled` requires nothing')
    }
    if (typeof rule.when === 'object' && rule.when !== null && !Array.isArray(rule.when)) {
      for (const key of Object.keys(rule.when)) {
        if (keys.has(key)) continue
        report(
          'template-rule',
          'warning',
          rule,
          `Unexpected \`when\` key \`${key}\`, expected a key of the template's frontmatter: records made from it have no \`${key}\`, so the group is never active`,
        )
      }
    }
  }
}

/** What reads each table the manifest names, for the `template-table` message. */
const TABLE_READERS: { [key: string]: string } = {
  timeline: 'metrics read deploy times and durations from it',
  issues: 'metrics read failures and recovery from it',
  action_items: '`status` and `check` read the retrospective\'s action items from it',
}

/** The tables the manifest names for metrics exist in the template. */
function checkTables(outline: TemplateOutline, places: ManifestPlaces, report: Reporter): void {
  for (const [key, place] of Object.entries(places.tables)) {
    if (!place || findTable(outline.tables, place.heading)) continue
    report(
      'template-table',
      'warning',
      place,
      `Unexpected \`tables.${key}\` heading ${quote(place.heading)}, expected the heading of a table in the template: ${TABLE_READERS[key] ?? 'shiplog reads it'}`,
    )
  }
}

/** Every variable the template reads is declared, and every declared variable is read. */
function checkVariables(program: hbs.AST.Program, manifest: TemplateManifest, places: ManifestPlaces, report: Reporter): void {
  const used = new Map<string, Point>()
  walkTemplate(program, {
    path(path, scope) {
      const variable = topLevelName(path, scope)
      if (variable !== null && !used.has(variable)) used.set(variable, { line: path.loc.start.line, column: path.loc.start.column + 1 })
    },
  })
  for (const [variable, at] of used) {
    if (Object.hasOwn(manifest.variables, variable) || BUILT_IN_VARIABLES.includes(variable)) continue
    report(
      'template-variable',
      'warning',
      at,
      `Unexpected undocumented variable \`${variable}\`, expected it declared under \`variables\` in the manifest`,
    )
  }
  for (const variable of Object.keys(manifest.variables)) {
    if (used.has(variable)) continue
    report(
      'template-variable',
      'warning',
      places.variables.get(variable) ?? { line: 1, column: 1 },
      `Unexpected variable \`${variable}\` declared but never used, expected it used in the template or removed from \`variables\``,
    )
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name
  return String(error)
}
