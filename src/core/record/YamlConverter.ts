import { isAlias, isMap, isScalar, isSeq, visit, type Alias, type Document, type Node } from 'yaml'
import { readYamlScalar } from './readYamlScalar.ts'
import type { Point, YamlValue } from './types.ts'

/** How many collection entries and scalars aliases (`*name`) may add in all, against alias bombs. */
export const ALIAS_BUDGET = 10_000

/** Where the YAML stands, for messages: `in frontmatter` / `a smaller frontmatter`. */
export interface YamlPlace {
  /** e.g. `in frontmatter`, `in the values file`. */
  in: string
  /** e.g. `a smaller frontmatter`. */
  smaller: string
  /** What the YAML should be, added to syntax errors as `, expected …` (none for frontmatter). */
  expected?: string
}

/**
 * Converts the nodes of a YAML document parsed with `uniqueKeys: false` into `YamlValue`s
 * (null-prototype objects, scalars as `readYamlScalar` reads them), with the limits every YAML
 * shiplog reads has: duplicate keys found while converting (the `yaml` package's `uniqueKeys` check
 * is quadratic: 40,000 keys took 14 s), alias targets found in one walk of the document (its
 * `Alias.resolve` walks the whole document for each alias: 20,000 aliases took 28 s), and at most
 * `ALIAS_BUDGET` values added by aliases in all (alias bombs). Problems are reported through
 * `report`; positions of converted values are recorded in `paths`.
 */
export class YamlConverter {
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
  private readonly place: YamlPlace

  constructor(
    doc: Document,
    at: (offset: number) => Point,
    paths: { [path: string]: Point },
    report: (offset: number, message: string) => void,
    place: YamlPlace,
  ) {
    this.doc = doc
    this.at = at
    this.paths = paths
    this.report = report
    this.place = place
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
    this.report(offset, `Unexpected duplicate key${name} ${this.place.in}, expected each key once`)
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

  /** The node an alias refers to: the last node before it with its anchor (all found in one walk). */
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
        this.report(offset, `Unexpected aliases expanding to too many values, expected ${this.place.smaller}`)
      }
      return null
    }
    return cached.value
  }
}

function sizeOf(value: YamlValue): number {
  if (value === null || typeof value !== 'object') return 1
  let size = 1
  for (const child of Array.isArray(value) ? value : Object.values(value)) size += sizeOf(child)
  return size
}
