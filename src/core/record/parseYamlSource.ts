import { LineCounter, parseDocument, type Document } from 'yaml'
import type { Point } from './types.ts'
import type { YamlPlace } from './YamlConverter.ts'

export interface YamlSourceProblem {
  /** Offset in the source. */
  offset: number
  severity: 'error' | 'warning'
  message: string
}

export interface ParsedYamlSource {
  doc: Document
  /** Line and column (1-based) of an offset in the source. */
  at: (offset: number) => Point
  /** The `yaml` package's errors and warnings, as shiplog words them. */
  problems: YamlSourceProblem[]
}

/**
 * Parses YAML the way shiplog reads every YAML it is given (record frontmatter, values files):
 * without the `yaml` package's quadratic duplicate-key check (`YamlConverter` finds duplicates
 * while converting), with positions for every node, and with its errors and warnings as
 * one-line messages (nesting that overflows the parser's stack is said in plain words).
 */
export function parseYamlSource(source: string, place: YamlPlace): ParsedYamlSource {
  const lineCounter = new LineCounter()
  const doc = parseDocument(source, { lineCounter, uniqueKeys: false, prettyErrors: false })
  const at = (offset: number): Point => {
    const { line, col } = lineCounter.linePos(offset)
    return { line, column: col }
  }
  const problems: YamlSourceProblem[] = []
  const expected = place.expected === undefined ? '' : `, expected ${place.expected}`
  for (const error of doc.errors) {
    const nested = /maximum call stack/i.test(error.message)
    problems.push({
      offset: error.pos[0],
      severity: 'error',
      message: nested
        ? `Unexpected YAML nested too deeply ${place.in}, expected a few levels of lists and maps`
        : `Unexpected YAML ${place.in}: ${firstLine(error.message)}${expected}`,
    })
  }
  for (const warning of doc.warnings) {
    problems.push({ offset: warning.pos[0], severity: 'warning', message: `Unexpected YAML ${place.in}: ${firstLine(warning.message)}` })
  }
  return { doc, at, problems }
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message
}
