import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml'
import { isYamlNumber } from './isYamlNumber.ts'
import { readYamlScalar } from './readYamlScalar.ts'
import type { SplitFrontmatter } from './splitFrontmatter.ts'
import type { Frontmatter, FrontmatterField, Point, RecordProblem, YamlValue } from './types.ts'

export interface ParsedFrontmatter {
  frontmatter: Frontmatter
  problems: RecordProblem[]
}

/** How many collection entries and scalars aliases (`*name`) may add in all, against alias bombs. */
const ALIAS_BUDGET = 10_000

/**
 * Reads the YAML of a record's frontmatter with the `yaml` package: values as written
 * (see `YamlValue`), null-prototype objects, positions of every key and value in the file,
 * and every YAML error or duplicate key as a `frontmatter-yaml` problem.
 */
export function parseFrontmatter(split: SplitFrontmatter): ParsedFrontmatter {
  const frontmatter: Frontmatter = {
    data: Object.create(null),
    fields: Object.create(null),
    paths: Object.create(null),
    startLine: split.startLine,
    endLine: split.endLine,
  }
  const problems: RecordProblem[] = []
  if (split.yaml === null) return { frontmatter, problems }

  const source = split.yaml
  const lineCounter = new LineCounter()
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false })
  const at = (offset: number): Point => {
    const { line, col } = lineCounter.linePos(offset)
    return { line, column: col }
  }
  const report = (offset: number, message: string, severity: 'error' | 'warning' = 'error'): void => {
    problems.push({ ...at(offset), rule: 'frontmatter-yaml', severity, message })
  }

  for (const error of doc.errors) {
    const [start] = error.pos
    if (error.code === 'DUPLICATE_KEY') {
      const key = keyAt(doc, start)
      report(start, `Unexpected duplicate key${key === null ? '' : ` \`${key}\``} in frontmatter, expected each key once`)
    } else {
      report(start, `Unexpected YAML in frontmatter: ${firstLine(error.message)}`)
    }
  }
  for (const warning of doc.warnings) {
    report(warning.pos[0], `Unexpected YAML in frontmatter: ${firstLine(warning.message)}`, 'warning')
  }

  const root = doc.contents
  if (root === null || (isScalar(root) && root.value === null && !root.source)) return { frontmatter, problems }
  if (!isMap(root)) {
    const kind = isSeq(root) ? 'list' : 'single value'
    report(root.range?.[0] ?? 0, `Unexpected ${kind} as frontmatter, expected a map of \`key: value\` lines`)
    return { frontmatter, problems }
  }

  const converter = new Converter(doc, at, frontmatter.paths, report)
  for (const pair of root.items) {
    const key = converter.key(pair.key as Node | null)
    if (Object.hasOwn(frontmatter.data, key)) continue
    const keyNode = pair.key as Node | null
    const valueNode = pair.value as Node | null
    const keyPoint = at(keyNode?.range?.[0] ?? valueNode?.range?.[0] ?? 0)
    const target = isAlias(valueNode) ? (valueNode.resolve(doc) ?? null) : valueNode
    const style = styleOf(target)
    const valuePoint = style === 'empty' || !valueNode?.range ? keyPoint : at(valueNode.range[0])
    frontmatter.data[key] = converter.value(valueNode, key, keyPoint)
    const field: FrontmatterField = {
      key,
      ...keyPoint,
      value: valuePoint,
      style,
      numeric: style === 'plain' && isScalar(target) && isYamlNumber(target.source ?? ''),
    }
    frontmatter.fields[key] = field
  }
  return { frontmatter, problems }
}

class Converter {
  private budget = ALIAS_BUDGET
  private readonly aliased = new Map<Node, { value: YamlValue; size: number }>()

  private readonly doc: Document
  private readonly at: (offset: number) => Point
  private readonly paths: { [path: string]: Point }
  private readonly report: (offset: number, message: string) => void

  constructor(
    doc: Document,
    at: (offset: number) => Point,
    paths: { [path: string]: Point },
    report: (offset: number, message: string) => void,
  ) {
    this.doc = doc
    this.at = at
    this.paths = paths
    this.report = report
  }

  /** A map key as text: plain keys as written, others by their value. */
  key(node: Node | null): string {
    if (node === null) return ''
    if (isScalar(node)) {
      const value = readYamlScalar(node)
      return value === null ? '' : String(value)
    }
    return JSON.stringify(this.plain(node))
  }

  /** Converts a value node, recording the position of it and of everything inside it under `path`. */
  value(node: Node | null, path: string, keyPoint: Point): YamlValue {
    if (node === null) {
      this.paths[path] = keyPoint
      return null
    }
    const empty = isScalar(node) && node.type === 'PLAIN' && !node.source
    this.paths[path] = empty || !node.range ? keyPoint : this.at(node.range[0])
    if (isAlias(node)) return this.alias(node.range?.[0] ?? 0, node.resolve(this.doc) ?? null)
    if (isScalar(node)) return readYamlScalar(node)
    if (isSeq(node)) {
      const point = this.paths[path] as Point
      return node.items.map((item, index) => {
        const itemNode = item as Node | null
        return this.value(itemNode, `${path}.${index}`, itemNode?.range ? this.at(itemNode.range[0]) : point)
      })
    }
    if (isMap(node)) {
      const object: { [key: string]: YamlValue } = Object.create(null)
      for (const pair of node.items) {
        const key = this.key(pair.key as Node | null)
        if (Object.hasOwn(object, key)) continue
        const keyNode = pair.key as Node | null
        const point = keyNode?.range ? this.at(keyNode.range[0]) : (this.paths[path] as Point)
        object[key] = this.value(pair.value as Node | null, `${path}.${key}`, point)
      }
      return object
    }
    return null
  }

  /** Converts without recording positions (alias targets and complex keys). */
  private plain(node: Node | null): YamlValue {
    if (node === null) return null
    if (isAlias(node)) return this.alias(node.range?.[0] ?? 0, node.resolve(this.doc) ?? null)
    if (isScalar(node)) return readYamlScalar(node)
    if (isSeq(node)) return node.items.map((item) => this.plain(item as Node | null))
    if (isMap(node)) {
      const object: { [key: string]: YamlValue } = Object.create(null)
      for (const pair of node.items) {
        const key = this.key(pair.key as Node | null)
        if (!Object.hasOwn(object, key)) object[key] = this.plain(pair.value as Node | null)
      }
      return object
    }
    return null
  }

  private alias(offset: number, target: Node | null): YamlValue {
    if (target === null) return null
    let cached = this.aliased.get(target)
    if (!cached) {
      const value = this.plain(target)
      cached = { value, size: sizeOf(value) }
      this.aliased.set(target, cached)
    }
    this.budget -= cached.size
    if (this.budget < 0) {
      if (this.budget + cached.size >= 0) {
        this.report(offset, 'Unexpected aliases expanding to too many values, expected a smaller frontmatter')
      }
      return null
    }
    return cached.value
  }
}

/** The text of the scalar key that starts at `offset`, or null. */
function keyAt(doc: Document, offset: number): string | null {
  let found: string | null = null
  visit(doc, {
    Pair(_key, pair) {
      const key = pair.key as Node | null
      if (isScalar(key) && key.range?.[0] === offset) {
        const value = readYamlScalar(key)
        found = value === null ? '' : String(value)
        return visit.BREAK
      }
      return undefined
    },
  })
  return found
}

function styleOf(node: Node | null | undefined): FrontmatterField['style'] {
  if (!node) return 'empty'
  if (isMap(node)) return 'map'
  if (isSeq(node)) return 'sequence'
  if (isScalar(node)) {
    switch (node.type) {
      case 'QUOTE_DOUBLE':
      case 'QUOTE_SINGLE':
        return 'quoted'
      case 'BLOCK_FOLDED':
      case 'BLOCK_LITERAL':
        return 'block'
      default:
        return node.source ? 'plain' : 'empty'
    }
  }
  return 'plain'
}

function sizeOf(value: YamlValue): number {
  if (value === null || typeof value !== 'object') return 1
  let size = 1
  for (const child of Array.isArray(value) ? value : Object.values(value)) size += sizeOf(child)
  return size
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message
}
