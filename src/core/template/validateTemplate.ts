import { HELPER_SIGNATURES } from './helperSignatures.ts'
import { TemplateError } from './TemplateError.ts'
import { helperSignature, walkTemplate } from './walkTemplate.ts'

/**
 * Rejects what a template may not use, with the position of the offending tag: partials,
 * decorators, unknown helpers, block helpers outside a block (or the reverse) and calls with the
 * wrong number of arguments.
 */
export function validateTemplate(program: hbs.AST.Program, file: string): void {
  const fail = (message: string, node: hbs.AST.Node): never => {
    throw new TemplateError(message, { file, line: node.loc.start.line, column: node.loc.start.column + 1 })
  }
  walkTemplate(program, {
    call(path, node) {
      const name = path.original
      const signature = helperSignature(path)
      if (!signature) return fail(`Unexpected helper \`${name}\`, expected one of ${Object.keys(HELPER_SIGNATURES).join(', ')}`, node)
      const isBlock = node.type === 'BlockStatement'
      if (signature.block && !isBlock) {
        fail(`Unexpected \`${name}\` outside a block, expected \`{{#${name} …}}…{{/${name}}}\``, node)
      }
      if (!signature.block && isBlock) {
        fail(`Unexpected block \`{{#${name}}}\`, expected \`${name}\` in a mustache or sub-expression, as in \`{{#if (${name} …)}}\``, node)
      }
      const count = node.params.length
      if (count < signature.min || count > signature.max) {
        const wanted = signature.max === Infinity ? `at least ${signature.min}` : String(signature.min)
        fail(`Unexpected ${count} argument${count === 1 ? '' : 's'} to \`${name}\`, expected ${wanted}`, node)
      }
    },
    unsupported(node) {
      const named = node as { name?: { original?: unknown }; path?: { original?: unknown } }
      const name = String(named.name?.original ?? named.path?.original ?? '')
      if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') {
        fail(`Unexpected partial \`{{> ${name}}}\`, expected a self-contained template (partials are not supported)`, node)
      }
      fail(`Unexpected decorator \`{{* ${name}}}\`, expected a self-contained template (decorators are not supported)`, node)
    },
  })
}
