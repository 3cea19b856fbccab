import { messageAt } from '../message/messageAt.ts'
import type { PlacedMessage } from '../message/ShiplogMessage.ts'
import { HELPER_SIGNATURES } from './helperSignatures.ts'
import { helperSignature, walkTemplate } from './walkTemplate.ts'

/**
 * Every construct a template may not use, at the position of its tag, in source order: partials,
 * decorators, unknown helpers, block helpers outside a block (or the reverse) and calls with the
 * wrong number of arguments. `parseTemplate` refuses a template with any (rendering stops at the
 * first); `validateTemplate` (`check --templates`) reports them all as `template-syntax` errors.
 */
export function unsupportedConstructs(program: hbs.AST.Program): PlacedMessage[] {
  const problems: PlacedMessage[] = []
  const report = (message: string, node: hbs.AST.Node): void => {
    problems.push(messageAt(message, { place: { line: node.loc.start.line, column: node.loc.start.column + 1 }, ruleId: 'template-syntax' }))
  }
  walkTemplate(program, {
    call(path, node) {
      const name = path.original
      const signature = helperSignature(path)
      if (!signature) {
        report(`Unexpected helper \`${name}\`, expected one of ${Object.keys(HELPER_SIGNATURES).join(', ')}`, node)
        return
      }
      const isBlock = node.type === 'BlockStatement'
      if (signature.block && !isBlock) {
        report(`Unexpected \`${name}\` outside a block, expected \`{{#${name} …}}…{{/${name}}}\``, node)
      } else if (!signature.block && isBlock) {
        report(`Unexpected block \`{{#${name}}}\`, expected \`${name}\` in a mustache or sub-expression, as in \`{{#if (${name} …)}}\``, node)
      }
      const count = node.params.length
      if (count < signature.min || count > signature.max) {
        const wanted = signature.max === Infinity ? `at least ${signature.min}` : String(signature.min)
        report(`Unexpected ${count} argument${count === 1 ? '' : 's'} to \`${name}\`, expected ${wanted}`, node)
      }
    },
    unsupported(node) {
      const named = node as { name?: { original?: unknown }; path?: { original?: unknown } }
      const name = String(named.name?.original ?? named.path?.original ?? '')
      if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') {
        report(`Unexpected partial \`{{> ${name}}}\`, expected a self-contained template (partials are not supported)`, node)
      } else {
        report(`Unexpected decorator \`{{* ${name}}}\`, expected a self-contained template (decorators are not supported)`, node)
      }
    },
  })
  return problems
}
