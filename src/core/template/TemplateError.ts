import { ShiplogError } from '../errors.ts'

/**
 * A template that cannot be rendered: a Handlebars syntax error or an unsupported construct.
 * Like every positioned error it is a `ShiplogMessage`: `reason` says what is wrong ("Unexpected
 * …, expected …"), `file`, `line`, `column` and `place` say where, and `message` is both,
 * `file:line:column: reason`, so the CLI prints it as is. Rule id `template-syntax`. Exit code 2:
 * a configuration error.
 */
export class TemplateError extends ShiplogError {
  /** The template's path, as given to `renderTemplate`. */
  declare file: string
  /** 1-based line of the problem in the template. */
  declare line: number
  /** 1-based column of the problem in the template (UTF-16 code units). */
  declare column: number

  constructor(reason: string, place: { file: string; line: number; column: number }) {
    super(reason, 2, { file: place.file, place: { line: place.line, column: place.column }, ruleId: 'template-syntax' })
    this.name = 'TemplateError'
  }
}
