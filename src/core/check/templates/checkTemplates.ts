import { compareDiagnostics } from '../compareDiagnostics.ts'
import type { PlacedMessage } from '../../message/ShiplogMessage.ts'
import type { CheckResult } from '../types.ts'
import { validateTemplate, type TemplateSource } from './validateTemplate.ts'

/**
 * Validates templates (`shiplog check --templates`) into the result `check` prints for records,
 * so the same formats and exit codes apply: one file per template, diagnostics sorted by file,
 * line and column.
 */
export function checkTemplates(templates: readonly TemplateSource[]): CheckResult {
  const diagnostics: PlacedMessage[] = templates.flatMap((template) => validateTemplate(template))
  diagnostics.sort(compareDiagnostics)
  const paths = [...new Set(templates.map((template) => template.file))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length
  return { files: paths.length, errors, warnings: diagnostics.length - errors, diagnostics, paths }
}
