import { isAlias, isMap, isScalar, isSeq, type Node } from 'yaml'
import { isYamlNumber } from './isYamlNumber.ts'
import { parseYamlSource } from './parseYamlSource.ts'
import type { SplitFrontmatter } from './splitFrontmatter.ts'
import { messageAt } from '../message/messageAt.ts'
import type { PlacedMessage } from '../message/ShiplogMessage.ts'
import type { Frontmatter, FrontmatterField } from './types.ts'
import { YamlConverter, type YamlPlace } from './YamlConverter.ts'

export interface ParsedFrontmatter {
  frontmatter: Frontmatter
  problems: PlacedMessage[]
}

const FRONTMATTER: YamlPlace = { in: 'in frontmatter', smaller: 'a smaller frontmatter' }

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
  const problems: PlacedMessage[] = []
  if (split.yaml === null) return { frontmatter, problems }

  const { doc, at, problems: yamlProblems } = parseYamlSource(split.yaml, FRONTMATTER)
  const report = (offset: number, message: string, severity: 'error' | 'warning' = 'error'): void => {
    problems.push(messageAt(message, { place: at(offset), ruleId: 'frontmatter-yaml', severity }))
  }
  for (const problem of yamlProblems) report(problem.offset, problem.message, problem.severity)

  const root = doc.contents
  if (root === null || (isScalar(root) && root.value === null && !root.source)) return { frontmatter, problems }
  if (!isMap(root)) {
    const kind = isSeq(root) ? 'list' : 'single value'
    report(root.range?.[0] ?? 0, `Unexpected ${kind} as frontmatter, expected a map of \`key: value\` lines`)
    return { frontmatter, problems }
  }

  const converter = new YamlConverter(doc, at, frontmatter.paths, report, FRONTMATTER)
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
