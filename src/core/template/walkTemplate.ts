import { HELPER_SIGNATURES, type HelperSignature } from './helperSignatures.ts'

/** What a name in the template resolves against at some point of the template. */
export interface Scope {
  /** For the current context and each enclosing one (index = `../` depth): whether it is the root values. */
  contexts: readonly boolean[]
  /** Block parameters in reach (`{{#each changes as |change|}}` → `change`). */
  blockParams: readonly string[]
}

/** Callbacks for `walkTemplate`; each receives the scope the node is evaluated in. */
export interface TemplateVisitor {
  /** A path read as a value: output, condition, helper argument, block argument, section name. */
  path?(path: hbs.AST.PathExpression, scope: Scope): void
  /** A `{{…}}` that writes output (not a block, comment or partial). */
  mustache?(node: hbs.AST.MustacheStatement, scope: Scope): void
  /** A call: the helper's name and the node that calls it (mustache, block or sub-expression). */
  call?(name: hbs.AST.PathExpression, node: Call): void
  /** A partial or decorator, which templates may not use. */
  unsupported?(node: hbs.AST.Statement): void
}

export type Call = hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression

export const ROOT_SCOPE: Scope = { contexts: [true], blockParams: [] }

/**
 * Walks a parsed template in source order, tracking which context each name is read from:
 * `#each`, `#with` and sections (`{{#name}}`) change `this` in their body (not in `{{else}}`);
 * `#if` and `#unless` do not.
 */
export function walkTemplate(program: hbs.AST.Program, visitor: TemplateVisitor): void {
  walkProgram(program, ROOT_SCOPE, visitor)
}

function walkProgram(program: hbs.AST.Program | undefined, scope: Scope, visitor: TemplateVisitor): void {
  for (const statement of program?.body ?? []) walkStatement(statement, scope, visitor)
}

function walkStatement(node: hbs.AST.Statement, scope: Scope, visitor: TemplateVisitor): void {
  switch (node.type) {
    case 'MustacheStatement': {
      const mustache = node as hbs.AST.MustacheStatement
      visitor.mustache?.(mustache, scope)
      if (isCall(mustache)) walkCall(mustache, scope, visitor)
      else if (mustache.path.type === 'PathExpression') visitor.path?.(mustache.path as hbs.AST.PathExpression, scope)
      return
    }
    case 'BlockStatement': {
      const block = node as hbs.AST.BlockStatement
      const signature = helperSignature(block.path)
      let changesContext = true
      if (signature || isCall(block)) {
        walkCall(block, scope, visitor)
        changesContext = signature?.changesContext ?? false
      } else {
        visitor.path?.(block.path, scope)
      }
      const params = block.program?.blockParams ?? []
      const inner: Scope = {
        contexts: changesContext ? [false, ...scope.contexts] : scope.contexts,
        blockParams: params.length > 0 ? [...scope.blockParams, ...params] : scope.blockParams,
      }
      walkProgram(block.program, inner, visitor)
      walkProgram(block.inverse, scope, visitor)
      return
    }
    case 'PartialStatement':
    case 'PartialBlockStatement':
    case 'Decorator':
    case 'DecoratorBlock':
      visitor.unsupported?.(node)
      return
    default:
      return
  }
}

function walkCall(node: Call, scope: Scope, visitor: TemplateVisitor): void {
  if (node.path.type === 'PathExpression') visitor.call?.(node.path as hbs.AST.PathExpression, node)
  for (const param of node.params) walkExpression(param, scope, visitor)
  for (const pair of node.hash?.pairs ?? []) walkExpression(pair.value, scope, visitor)
}

function walkExpression(node: hbs.AST.Expression, scope: Scope, visitor: TemplateVisitor): void {
  if (node.type === 'PathExpression') visitor.path?.(node as hbs.AST.PathExpression, scope)
  else if (node.type === 'SubExpression') walkCall(node as hbs.AST.SubExpression, scope, visitor)
}

/** A mustache or block with arguments calls its path as a helper. */
function isCall(node: hbs.AST.MustacheStatement | hbs.AST.BlockStatement): boolean {
  return node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0
}

/** The signature of a known helper named by a simple path (`if`, not `this.if` or `a.if`). */
export function helperSignature(path: hbs.AST.PathExpression | hbs.AST.Literal): HelperSignature | undefined {
  if (path.type !== 'PathExpression') return undefined
  const p = path as hbs.AST.PathExpression
  if (p.data || p.depth > 0 || p.parts.length !== 1 || p.original !== p.parts[0]) return undefined
  return HELPER_SIGNATURES[p.parts[0] as string]
}
