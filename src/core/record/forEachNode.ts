import type { Nodes } from 'mdast'

type NodeOfType<Type extends Nodes['type']> = Extract<Nodes, { type: Type }>

/**
 * Calls `visit` with each node of `type` in `tree` (the tree itself included), in document order
 * (depth first, a parent before its children): the nodes `visit(tree, type, …)` of
 * unist-util-visit gives, for the readers of a record, which only look. unist-util-visit builds
 * each node's list of ancestors and names a function after each node it enters; on the
 * benchmark's records, its three walks of each body took ~7% of a parse (docs/performance.md).
 */
export function forEachNode<Type extends Nodes['type']>(tree: Nodes, type: Type, visit: (node: NodeOfType<Type>) => void): void {
  if (tree.type === type) visit(tree as NodeOfType<Type>)
  if ('children' in tree) for (const child of tree.children) forEachNode(child, type, visit)
}
