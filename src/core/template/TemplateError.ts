import { ShiplogError } from '../errors.ts'

/**
 * A template that cannot be rendered: a Handlebars syntax error or an unsupported construct.
 * `reason` says what is wrong ("Unexpected …, expected …"); `message` prefixes it with the place,
 * `file:line:column: reason`, so the CLI prints it as is. Exit code 2: a configuration error.
 */
export class TemplateError extends ShiplogError {
  override readonly name = 'TemplateError'
  /** What is wrong, without the place. */
  readonly reason: string
  /** The template's path, as given to `renderTemplate`. */
  readonly file: string
  /** 1-based line of the problem in the template. */
  readonly line: number
  /** 1-based column of the problem in the template (UTF-16 code units). */
  readonly column: number

  constructor(reason: string, place: { file: string; line: number; column: number }) {
    super(`${place.file}:${place.line}:${place.column}: ${reason}`, 2)
    this.reason = reason
    this.file = place.file
    this.line = place.line
    this.column = place.column
  }
}
