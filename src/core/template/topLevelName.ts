import type { Scope } from './walkTemplate.ts'

const SCOPED = /^(?:this|\.)(?:[./]|$)/

/**
 * The top-level variable a path reads, or null when it reads something else: an item of
 * `#each` (`{{title}}`), a block parameter, `this`, or `@data` other than `@root.name`.
 */
export function topLevelName(path: hbs.AST.PathExpression, scope: Scope): string | null {
  if (path.data) return path.parts[0] === 'root' ? (path.parts[1] ?? null) : null
  const head = path.parts[0]
  if (head === undefined) return null
  if (path.depth === 0 && !SCOPED.test(path.original) && scope.blockParams.includes(head)) return null
  return scope.contexts[path.depth] === true ? head : null
}
