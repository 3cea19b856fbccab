import { handlebarsEnvironment } from './handlebarsEnvironment.ts'
import { templateSyntaxError } from './templateSyntaxError.ts'
import { validateTemplate } from './validateTemplate.ts'

/**
 * Parses a template into Handlebars' syntax tree (standalone block lines already removed) and
 * checks it uses only what shiplog supports. Throws a `TemplateError` with the position otherwise.
 */
export function parseTemplate(source: string, file: string): hbs.AST.Program {
  let program: hbs.AST.Program
  try {
    program = handlebarsEnvironment().parse(source)
  } catch (error) {
    throw templateSyntaxError(error, source, file)
  }
  validateTemplate(program, file)
  return program
}
