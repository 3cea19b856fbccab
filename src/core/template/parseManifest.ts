import { LineCounter, parseDocument } from 'yaml'
import { isStatus, STATUSES } from '../lifecycle/statuses.ts'
import { messageAt } from '../message/messageAt.ts'
import type { PlacedMessage } from '../message/ShiplogMessage.ts'
import type { Point } from '../record/types.ts'
import { frontmatterVariables } from './frontmatterVariables.ts'
import { manifestBlock } from './manifestBlock.ts'
import { parseReferenceSections } from './parseReferenceSections.ts'
import { parseStagePlans } from './parseStagePlans.ts'
import { readManifestTargets } from './readManifestTargets.ts'
import { DEFAULT_TABLES, type GroupRule, type TemplateManifest, type TemplateVariable } from './types.ts'

export interface ParsedManifest {
  /** The manifest, or null when the template has no valid `shiplog:` block. */
  manifest: TemplateManifest | null
  /** Problems with positions in the template file (rule `template-manifest`; `file` left to the caller). */
  problems: PlacedMessage[]
  /** Where the manifest's parts stand in the template file, for diagnostics about them. */
  places: ManifestPlaces
}

/** A group rule as written in the manifest (before validation), and where it stands. */
export interface WrittenRule extends Point {
  stage: string
  groups: string[]
  role: unknown
  gate: unknown
  when: unknown
}

/** Where the parts of a template's manifest stand in the template file. */
export interface ManifestPlaces {
  /** The `name` value, when written. */
  name: Point | null
  /** Each declared variable, by name. */
  variables: Map<string, Point>
  /** Group rules that name a `stage` and a `group`, as written (others are problems). */
  rules: WrittenRule[]
  /** `tables.timeline`, `tables.issues` and `tables.action_items`, when written (keyed as in the manifest). */
  tables: { timeline?: Point & { heading: string }; issues?: Point & { heading: string }; action_items?: Point & { heading: string } }
}

const ROLES = ['task', 'trigger', 'signoff'] as const

/**
 * Reads the manifest of a template: the YAML under `shiplog:` in the template's leading
 * `{{!-- … --}}` Handlebars comment. `name` falls back to `fallbackName` (the file's base name).
 */
export function parseManifest(source: string, fallbackName: string): ParsedManifest {
  const problems: PlacedMessage[] = []
  const places: ManifestPlaces = { name: null, variables: new Map(), rules: [], tables: {} }
  const report = (line: number, column: number, message: string, severity: 'error' | 'warning' = 'error'): void => {
    problems.push(messageAt(message, { place: { line, column }, ruleId: 'template-manifest', severity }))
  }
  const block = manifestBlock(source)
  if (!block) {
    report(1, 1, 'Expected the template to start with a `{{!-- shiplog: … --}}` block declaring its groups')
    return { manifest: null, problems, places }
  }
  if (block.yaml === null) {
    report(1, 1, 'Unclosed `{{!--` block: expected `--}}` after the manifest')
    return { manifest: null, problems, places }
  }
  // The YAML starts on the line of `{{!--` (so `{{!-- shiplog:` works too): lines count from the
  // template's first line, and columns on that line start after the opening.
  const lineCounter = new LineCounter()
  const position = (offset: number): Point => {
    const pos = lineCounter.linePos(offset)
    return { line: pos.line, column: pos.line === 1 ? pos.col + block.openingLength : pos.col }
  }
  const doc = parseDocument(block.yaml, { lineCounter, prettyErrors: false, uniqueKeys: true })
  for (const error of doc.errors) {
    const pos = position(error.pos[0])
    report(pos.line, pos.column, `Unexpected YAML in the template manifest: ${firstLine(error.message)}`)
  }
  if (doc.errors.length > 0) return { manifest: null, problems, places }
  const root: unknown = doc.toJS()
  const shiplog = isObject(root) ? root['shiplog'] : undefined
  if (!isObject(shiplog)) {
    report(1, 1, 'Expected a `shiplog:` map in the leading `{{!-- --}}` block')
    return { manifest: null, problems, places }
  }
  /** Where the value at `path` under `shiplog:` starts, or null when it has no position. */
  const pointAt = (path: Array<string | number>): Point | null => {
    const node = doc.getIn(['shiplog', ...path], true) as { range?: [number, number, number] } | undefined
    const offset = node?.range?.[0]
    return offset === undefined ? null : position(offset)
  }
  const where = (path: Array<string | number>): Point => pointAt(path) ?? { line: 1, column: 1 }

  if (typeof shiplog['name'] === 'string') places.name = pointAt(['name'])
  const name = typeof shiplog['name'] === 'string' && shiplog['name'].trim() ? shiplog['name'].trim() : fallbackName
  const description = typeof shiplog['description'] === 'string' ? shiplog['description'].trim() : ''
  if (!description) {
    const at = where([])
    report(at.line, at.column, 'Expected a `description` for the template', 'warning')
  }

  const variables: { [name: string]: TemplateVariable } = Object.create(null)
  const rawVariables = shiplog['variables'] ?? {}
  if (!isObject(rawVariables)) {
    const at = where(['variables'])
    report(at.line, at.column, 'Expected `variables` to be a map of name → { description, required?, choices?, default? }')
  } else {
    for (const [varName, raw] of Object.entries(rawVariables)) {
      const at = where(['variables', varName])
      places.variables.set(varName, at)
      if (typeof raw === 'string') {
        variables[varName] = { description: raw }
        continue
      }
      if (!isObject(raw)) {
        report(at.line, at.column, `Expected variable \`${varName}\` to be a map with a description`)
        continue
      }
      const variable: TemplateVariable = { description: typeof raw['description'] === 'string' ? raw['description'] : '' }
      if (!variable.description) report(at.line, at.column, `Expected a description for variable \`${varName}\``, 'warning')
      if (raw['required'] === true) variable.required = true
      else if (raw['required'] !== undefined && raw['required'] !== false && raw['required'] !== null) {
        report(at.line, at.column, `Expected \`required\` of variable \`${varName}\` to be true or false`, 'warning')
      }
      if (Array.isArray(raw['choices'])) {
        if (raw['choices'].every(isScalar)) variable.choices = raw['choices'].map(String)
        else report(at.line, at.column, `Expected the \`choices\` of variable \`${varName}\` to be strings`, 'warning')
      }
      if (raw['default'] !== undefined && raw['default'] !== null) {
        if (isScalar(raw['default'])) variable.default = String(raw['default'])
        else report(at.line, at.column, `Expected the \`default\` of variable \`${varName}\` to be a string`, 'warning')
      }
      variables[varName] = variable
    }
  }

  const groups: GroupRule[] = []
  const rawGroups = shiplog['groups'] ?? []
  if (!Array.isArray(rawGroups)) {
    const at = where(['groups'])
    report(at.line, at.column, 'Expected `groups` to be a list of { stage, group, role, gate?, when? }')
  } else {
    rawGroups.forEach((raw: unknown, index: number) => {
      const at = where(['groups', index])
      if (!isObject(raw)) {
        report(at.line, at.column, 'Expected a group rule { stage, group, role, gate?, when? }')
        return
      }
      const { stage, group, role, gate, when } = raw
      const groupOk = typeof group === 'string' || (Array.isArray(group) && group.every((g) => typeof g === 'string'))
      if (typeof stage !== 'string' || !groupOk) {
        report(at.line, at.column, 'Expected a group rule to name a `stage` and a `group` (a name, a list of names or `*`)')
        return
      }
      places.rules.push({ ...at, stage, groups: typeof group === 'string' ? [group] : (group as string[]), role, gate, when })
      if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
        report(at.line, at.column, `Unexpected role ${JSON.stringify(role)}, expected one of ${ROLES.join(', ')}`)
        return
      }
      const rule: GroupRule = { stage, group: group as string | string[], role: role as GroupRule['role'] }
      if (gate !== undefined && gate !== null) {
        if (!isStatus(gate)) {
          report(at.line, at.column, `Unexpected gate ${JSON.stringify(gate)}, expected a status: ${STATUSES.join(', ')}`)
          return
        }
        rule.gate = gate
      }
      if (when !== undefined && when !== null) {
        if (!isObject(when)) {
          report(at.line, at.column, 'Expected `when` to map frontmatter keys to a value or a list of values')
          return
        }
        const condition: NonNullable<GroupRule['when']> = Object.create(null)
        for (const [key, value] of Object.entries(when)) {
          const values = Array.isArray(value) ? value : [value]
          if (!values.every((v) => typeof v === 'string' || typeof v === 'boolean')) {
            report(at.line, at.column, `Expected \`when.${key}\` to be a string, a boolean or a list of them`)
            return
          }
          condition[key] = value as string | boolean | Array<string | boolean>
        }
        rule.when = condition
      }
      groups.push(rule)
    })
  }

  const tables = { ...DEFAULT_TABLES }
  const rawTables = shiplog['tables']
  if (isObject(rawTables)) {
    for (const key of ['timeline', 'issues'] as const) {
      const heading = rawTables[key]
      if (typeof heading !== 'string') continue
      tables[key] = heading
      const point = pointAt(['tables', key])
      if (point) places.tables[key] = { ...point, heading }
    }
    const actionItems = rawTables['action_items']
    if (typeof actionItems === 'string') {
      tables.actionItems = actionItems
      const point = pointAt(['tables', 'action_items'])
      if (point) places.tables.action_items = { ...point, heading: actionItems }
    }
  }

  const renamed = readRenamed(shiplog['renamed'], variables, where, report)
  const targets = readManifestTargets(shiplog['targets'], (path) => where(['targets', ...path]), report)

  const fields = frontmatterVariables(source, block.endLine)
  const manifest: TemplateManifest = { name, description, variables, groups, tables, fields, ...(targets === null ? {} : { targets }) }
  if (shiplog['stages'] !== undefined && shiplog['stages'] !== null) {
    manifest.stages = parseStagePlans(shiplog['stages'], source, (path) => where(['stages', ...path]), report)
  }
  if (renamed !== null) manifest.renamed = renamed
  if (shiplog['reference'] !== undefined && shiplog['reference'] !== null) {
    const reference = parseReferenceSections(shiplog['reference'], source, (path) => where(['reference', ...path]), report)
    if (reference.length > 0) manifest.reference = reference
  }
  return { manifest, problems, places }
}

/**
 * Reads `renamed:`, a map from a former variable name to the variables now filled in its place
 * (a name or a list). Each of them must be declared under `variables` (a warning otherwise, and
 * the name is dropped). Null when the manifest has no `renamed`.
 */
function readRenamed(
  raw: unknown,
  variables: { readonly [name: string]: TemplateVariable },
  where: (path: Array<string | number>) => Point,
  report: (line: number, column: number, message: string, severity?: 'error' | 'warning') => void,
): { [formerName: string]: string[] } | null {
  if (raw === undefined || raw === null) return null
  if (!isObject(raw)) {
    const at = where(['renamed'])
    report(at.line, at.column, 'Expected `renamed` to be a map of former name → the variables it now fills (a name or a list)')
    return null
  }
  const renamed: { [formerName: string]: string[] } = Object.create(null)
  for (const [former, value] of Object.entries(raw)) {
    const at = where(['renamed', former])
    const targets = typeof value === 'string' ? [value] : Array.isArray(value) && value.every((item) => typeof item === 'string') ? (value as string[]) : null
    if (targets === null || targets.length === 0) {
      report(at.line, at.column, `Expected \`renamed.${former}\` to name the variables it now fills (a name or a list of names)`)
      continue
    }
    const declared = targets.filter((target) => {
      if (Object.hasOwn(variables, target)) return true
      report(at.line, at.column, `Unexpected \`renamed.${former}\` target \`${target}\`, expected a variable declared under \`variables\``, 'warning')
      return false
    })
    if (declared.length > 0) renamed[former] = declared
  }
  return renamed
}

function isObject(value: unknown): value is { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message
}
