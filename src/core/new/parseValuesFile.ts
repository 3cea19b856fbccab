import { isMap, isScalar, isSeq, type Node } from 'yaml'
import { ShiplogError } from '../errors.ts'
import { decodeSource } from '../record/decodeSource.ts'
import { MAX_RECORD_SIZE } from '../record/maxRecordSize.ts'
import { parseYamlSource } from '../record/parseYamlSource.ts'
import type { Point, YamlValue } from '../record/types.ts'
import { YamlConverter, type YamlPlace } from '../record/YamlConverter.ts'

/** A values file may be as large as a record (1 MiB): its values end up in one. */
export const MAX_VALUES_FILE_SIZE = MAX_RECORD_SIZE

const VALUES_FILE: YamlPlace = { in: 'in the values file', smaller: 'a smaller values file', expected: 'a YAML or JSON map of values' }

/**
 * Reads a `--values` file (YAML, or JSON, which is YAML too) into values, the way record
 * frontmatter is read: strict UTF-8, at most `MAX_VALUES_FILE_SIZE` bytes, the same YAML limits
 * (duplicate keys and aliases found in linear time, at most `ALIAS_BUDGET` values added by
 * aliases) and the same values (text as written, `true`/`false` as booleans, `null`/`~`/empty as
 * null, null-prototype maps). Pure; the first problem in the file is thrown as a `ShiplogError`
 * (exit code 2) whose message is one line: `file:line:column: Unexpected …, expected …`.
 * When `places` is given, it receives where each top-level value stands (of its key when empty),
 * so that a value refused later (a choice it does not name) can be pointed at.
 */
export function parseValuesFile(source: string | Uint8Array, file: string, places?: Map<string, Point>): { [name: string]: YamlValue } {
  if (source.length > MAX_VALUES_FILE_SIZE) {
    throw new ShiplogError('Unexpected values file of more than 1 MiB, expected at most 1 MiB (as much as a record may hold)', 2, { file })
  }
  const decoded = decodeSource(source)
  if (!decoded.ok) {
    const { line, column, reason } = decoded.problem
    throw new ShiplogError(reason, 2, { file, place: { line, column }, ruleId: 'encoding' })
  }
  const values: { [name: string]: YamlValue } = Object.create(null)
  const problems: Array<Point & { offset: number; message: string }> = []
  try {
    const { doc, at, problems: yamlProblems } = parseYamlSource(decoded.text, VALUES_FILE)
    const report = (offset: number, message: string): void => {
      problems.push({ ...at(offset), offset, message })
    }
    for (const problem of yamlProblems) if (problem.severity === 'error') report(problem.offset, problem.message)
    const root = doc.contents
    if (root !== null && !(isScalar(root) && root.value === null && !root.source)) {
      if (!isMap(root)) {
        report(root.range?.[0] ?? 0, `Unexpected ${isSeq(root) ? 'list' : 'single value'}, expected a map of values (key: value)`)
      } else {
        const converter = new YamlConverter(doc, at, Object.create(null), report, VALUES_FILE)
        for (const pair of root.items) {
          const keyNode = pair.key as Node | null
          const valueNode = pair.value as Node | null
          const key = converter.key(keyNode)
          if (Object.hasOwn(values, key)) {
            converter.duplicate(keyNode, valueNode, key)
            continue
          }
          values[key] = converter.value(valueNode, key, at(keyNode?.range?.[0] ?? valueNode?.range?.[0] ?? 0))
          places?.set(key, at(valueNode?.range?.[0] ?? keyNode?.range?.[0] ?? 0))
        }
      }
    }
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    throw new ShiplogError('Unexpected YAML nested too deeply in the values file, expected a few levels of lists and maps', 2, { file, place: { line: 1, column: 1 } })
  }
  const first = problems.sort((a, b) => a.offset - b.offset)[0]
  if (first) throw new ShiplogError(first.message, 2, { file, place: { line: first.line, column: first.column } })
  return values
}
