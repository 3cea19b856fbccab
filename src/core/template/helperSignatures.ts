/** How a helper available to templates is called. */
export interface HelperSignature {
  /** Called as a block (`{{#if x}}…{{/if}}`) rather than in a mustache or sub-expression. */
  block: boolean
  /** The block's body runs with a new `this` (the item, or the value). */
  changesContext: boolean
  /** Fewest and most positional arguments. */
  min: number
  max: number
}

/**
 * The helpers a template may call: Handlebars' `if`, `unless`, `each`, `with` and `lookup`, and the
 * condition helpers `eq`, `ne`, `and`, `or` and `not`. Anything else is rejected before rendering.
 */
export const HELPER_SIGNATURES: { readonly [name: string]: HelperSignature } = Object.freeze(
  Object.assign(Object.create(null) as { [name: string]: HelperSignature }, {
    if: { block: true, changesContext: false, min: 1, max: 1 },
    unless: { block: true, changesContext: false, min: 1, max: 1 },
    each: { block: true, changesContext: true, min: 1, max: 1 },
    with: { block: true, changesContext: true, min: 1, max: 1 },
    lookup: { block: false, changesContext: false, min: 2, max: 2 },
    eq: { block: false, changesContext: false, min: 2, max: 2 },
    ne: { block: false, changesContext: false, min: 2, max: 2 },
    and: { block: false, changesContext: false, min: 1, max: Infinity },
    or: { block: false, changesContext: false, min: 1, max: Infinity },
    not: { block: false, changesContext: false, min: 1, max: 1 },
  }),
)
