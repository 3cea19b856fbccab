import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Alias, type Document, type Node } from 'yaml'
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
  // Duplicate keys are found while converting: the `yaml` package's own check (`uniqueKeys`) is
  // quadratic in the number of keys (40,000 keys took 14 s).
  const doc = parseDocument(source, { lineCounter, uniqueKeys: false, prettyErrors: false })
  const at = (offset: number): Point => {
    const { line, col } = lineCounter.linePos(offset)
    return { line, column: col }
  }
  const report = (offset: number, message: string, severity: 'error' | 'warning' = 'error'): void => {
    problems.push({ ...at(offset), rule: 'frontmatter-yaml', severity, message })
  }

  for (const error of doc.errors) {
    const nested = /maximum call stack/i.test(error.message)
    report(error.pos[0], nested ? 'Unexpected YAML nested too deeply in frontmatter, expected a few levels of lists and maps' : `Unexpected YAML in frontmatter: ${firstLine(error.message)}`)
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
    const keyNode = pair.key as Node | null
    const valueNode = pair.value as Node | null
    if (Object.hasOwn(frontmatter.data, key)) {
      converter.duplicate(keyNode, valueNode, key)
      continue
    }
    const keyPoint = at(keyNode?.range?.[0] ?? valueNode?.range?.[0] ?? 0)
    const target = isAlias(valueNode) ? converter.target(valueNode) : valueNode
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
  /** Anchored nodes whose conversion is under way: an alias to one of them is a cycle. */
  private readonly converting = new Set<Node>()
  private targets: Map<Alias, Node | null> | null = null
  private readonly reported = new Set<Alias>()
  /** Offset of the outermost alias under expansion, or null. */
  private expanding: number | null = null

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
    if (isAlias(node)) return this.alias(node)
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
        const keyNode = pair.key as Node | null
        if (Object.hasOwn(object, key)) {
          this.duplicate(keyNode, pair.value as Node | null, key)
          continue
        }
        const point = keyNode?.range ? this.at(keyNode.range[0]) : (this.paths[path] as Point)
        object[key] = this.value(pair.value as Node | null, `${path}.${key}`, point)
      }
      return object
    }
    return null
  }

  /** Reports a key met before in the same map (the first value is kept). */
  duplicate(keyNode: Node | null, valueNode: Node | null, key: string): void {
    const offset = keyNode?.range?.[0] ?? valueNode?.range?.[0] ?? 0
    const name = isScalar(keyNode) ? ` \`${key}\`` : ''
    this.report(offset, `Unexpected duplicate key${name} in frontmatter, expected each key once`)
  }

  /** Converts without recording positions (alias targets and complex keys). */
  private plain(node: Node | null): YamlValue {
    if (node === null) return null
    if (isAlias(node)) return this.alias(node)
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

  /**
   * The node an alias refers to: the last node before it with its anchor. Found for every alias
   * in one walk of the document (the `yaml` package's `Alias.resolve` walks the whole document
   * for each alias: 20,000 aliases took 28 s).
   */
  target(alias: Alias): Node | null {
    if (this.targets === null) {
      const targets = new Map<Alias, Node | null>()
      const anchors = new Map<string, Node>()
      visit(this.doc, {
        Node: (_key, node) => {
          if (isAlias(node)) targets.set(node, anchors.get(node.source) ?? null)
          else if (typeof node.anchor === 'string' && node.anchor !== '') anchors.set(node.anchor, node)
        },
      })
      this.targets = targets
    }
    return this.targets.get(alias) ?? null
  }

  private alias(alias: Alias): YamlValue {
    const offset = alias.range?.[0] ?? 0
    // Problems are reported at the outermost alias being expanded: the one written in the value.
    const outer = this.expanding === null
    if (outer) this.expanding = offset
    try {
      return this.expand(alias, this.expanding ?? offset)
    } finally {
      if (outer) this.expanding = null
    }
  }

  private reportOnce(alias: Alias, offset: number, message: string): void {
    if (this.reported.has(alias)) return
    this.reported.add(alias)
    this.report(offset, message)
  }

  private expand(alias: Alias, offset: number): YamlValue {
    const target = this.target(alias)
    const own = alias.range?.[0] ?? offset
    if (target === null) {
      this.reportOnce(alias, own, `Unexpected alias \`*${alias.source}\` with no anchor \`&${alias.source}\` before it, expected a reference to an anchored value`)
      return null
    }
    if (this.converting.has(target)) {
      this.reportOnce(alias, own, `Unexpected alias \`*${alias.source}\` inside its own anchor, expected a reference to a complete value`)
      return null
    }
    let cached = this.aliased.get(target)
    if (!cached) {
      this.converting.add(target)
      let value: YamlValue
      try {
        value = this.plain(target)
      } finally {
        this.converting.delete(target)
      }
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
