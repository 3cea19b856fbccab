import { requiredAt } from '../lifecycle/requiredAt.ts'
import { toStatus } from '../lifecycle/toStatus.ts'
import type { Root } from 'mdast'
import { DEFAULT_TABLES, type TemplateManifest } from '../template/types.ts'
import { checkBodyLimits } from './checkBodyLimits.ts'
import { classifyGroup } from './classifyGroup.ts'
import { collectPlaceholders } from './collectPlaceholders.ts'
import { createLineIndex } from './createLineIndex.ts'
import { decodeSource } from './decodeSource.ts'
import { emptyRecord } from './emptyRecord.ts'
import { findTable } from './findTable.ts'
import { parseFrontmatter, type ParsedFrontmatter } from './parseFrontmatter.ts'
import { readBody, type ReadBody } from './readBody.ts'
import { readStageTimes } from './readStageTimes.ts'
import { resolveTemplate } from './resolveTemplate.ts'
import { splitFrontmatter, type SplitFrontmatter } from './splitFrontmatter.ts'
import { MAX_RECORD_SIZE } from './maxRecordSize.ts'
import { messageAt } from '../message/messageAt.ts'
import type { PlacedMessage } from '../message/ShiplogMessage.ts'
import type { ReleaseRecord } from './types.ts'

export { MAX_RECORD_SIZE }

export interface ParseRecordOptions {
  /** Path of the record relative to the project root, with `/`. */
  file: string
  /** The manifests of the available templates, by name. */
  templates?: { readonly [name: string]: TemplateManifest }
  /** The template of a record whose frontmatter has no `template` key (default `deployment`). */
  defaultTemplate?: string
  /**
   * Called with the body's Markdown (the file's text, frontmatter lines emptied: `recordBodyOf`)
   * and its tree once the record has been read from it, when the body could be parsed: the site
   * renders the page from the same tree (`renderRecordBody`) instead of parsing the body again.
   */
  onBodyTree?: (markdown: string, tree: Root) => void
}

/**
 * Reads a release record (FORMAT.md §1–§4): frontmatter, its lifecycle status (normalised), stages,
 * groups and items classified by the record's template (each group saying whether the status
 * requires it), tables and unfilled placeholders. Pure, and never throws: whatever is
 * wrong with the input is a problem with a position in `problems`.
 */
export function parseRecord(source: string | Uint8Array, options: ParseRecordOptions): ReleaseRecord {
  const defaultTemplate = options.defaultTemplate ?? 'deployment'
  try {
    return read(source, options, defaultTemplate)
  } catch (error) {
    return emptyRecord(options.file, defaultTemplate, [
      failure(1, 'internal', `Unexpected failure while reading the record (${describe(error)}), expected a readable record`),
    ])
  }
}

function read(source: string | Uint8Array, options: ParseRecordOptions, defaultTemplate: string): ReleaseRecord {
  if (source.length > MAX_RECORD_SIZE) {
    const size = `${(source.length / 1048576).toFixed(1)} Mi${typeof source === 'string' ? ' characters' : 'B'}`
    return emptyRecord(options.file, defaultTemplate, [
      failure(1, 'file-size', `Unexpected record of ${size}, expected at most 1 MiB: the record is not read`),
    ])
  }
  const decoded = decodeSource(source)
  if (!decoded.ok) return emptyRecord(options.file, defaultTemplate, [decoded.problem])
  const { text } = decoded
  const lines = createLineIndex(text)
  const problems: PlacedMessage[] = []

  const split = splitFrontmatter(text)
  problems.push(...split.problems)
  const { frontmatter, problems: yamlProblems } = readFrontmatter(split)
  problems.push(...yamlProblems)

  const template = resolveTemplate(frontmatter, options.templates, defaultTemplate)
  problems.push(...template.problems)
  const rules = template.manifest?.groups ?? []
  const tableNames = template.manifest?.tables ?? DEFAULT_TABLES

  let body: ReadBody = { stages: [], spans: [], tables: [], comments: [], problems: [] }
  const firstBodyLine = (split.endLine ?? 0) + 1
  const limit = checkBodyLimits(split.body, firstBodyLine)
  if (limit) {
    problems.push(limit)
  } else {
    try {
      body = readBody(split.body, text, lines)
      problems.push(...body.problems)
      if (body.tree && options.onBodyTree) options.onBodyTree(split.body, body.tree)
    } catch (error) {
      problems.push(failure(firstBodyLine, 'markdown', `Unexpected Markdown that cannot be read (${describe(error)}), expected a simpler structure`))
    }
  }

  const status = toStatus(frontmatter.data['status'])
  for (const stage of body.stages) {
    for (const group of stage.groups) {
      const { role, gate, active } = classifyGroup(stage.name, group.name, rules, frontmatter.data)
      group.role = role
      group.gate = gate
      group.active = active
      group.required = requiredAt(group, status)
      for (const item of group.items) item.role = role
    }
  }

  const placeholders = collectPlaceholders({ text, lines, frontmatter, comments: body.comments, spans: body.spans })
  problems.sort((a, b) => a.line - b.line || a.column - b.column)
  for (const problem of problems) problem.file = options.file

  return {
    file: options.file,
    frontmatter,
    status,
    template: template.name,
    stages: body.stages,
    tables: body.tables,
    timeline: findTable(body.tables, tableNames.timeline),
    issues: findTable(body.tables, tableNames.issues),
    actionItems: findTable(body.tables, tableNames.actionItems ?? DEFAULT_TABLES.actionItems ?? 'Action Items'),
    placeholders,
    stageTimes: readStageTimes(frontmatter, template.manifest?.stages ?? [], body.stages),
    problems,
  }
}

function readFrontmatter(split: SplitFrontmatter): ParsedFrontmatter {
  try {
    return parseFrontmatter(split)
  } catch (error) {
    const fallback = parseFrontmatter({ ...split, yaml: null })
    fallback.problems.push(
      failure(split.startLine ?? 1, 'frontmatter-yaml', `Unexpected frontmatter that cannot be read (${describe(error)}), expected simpler YAML`),
    )
    return fallback
  }
}

function failure(line: number, rule: string, message: string): PlacedMessage {
  return messageAt(message, { place: { line, column: 1 }, ruleId: rule })
}

function describe(error: unknown): string {
  if (error instanceof RangeError) return 'nesting too deep'
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name
  return String(error)
}
