import { handlebarsEnvironment } from './handlebarsEnvironment.ts'
import { TemplateError } from './TemplateError.ts'
import { templateSyntaxError } from './templateSyntaxError.ts'
import { unsupportedConstructs } from './unsupportedConstructs.ts'

/**
 * Parses a template into Handlebars' syntax tree (standalone block lines already removed) and
 * checks it uses only what shiplog supports (`unsupportedConstructs`). Throws a `TemplateError`
 * with the position of the syntax error or of the first unsupported construct otherwise.
 */
export function parseTemplate(source: string, file: string): hbs.AST.Program {
  const program = parseTemplateSyntax(source, file)
  const [first] = unsupportedConstructs(program)
  if (first) throw new TemplateError(first.reason, { file, line: first.line, column: first.column })
  return program
}

/** Parses a template's Handlebars syntax only; throws a `TemplateError` at a syntax error. */
export function parseTemplateSyntax(source: string, file: string): hbs.AST.Program {
  try {
    return handlebarsEnvironment().parse(source)
  } catch (error) {
    throw templateSyntaxError(error, source, file)
  }
}
