import type { Scalar } from 'yaml'

const STR_TAG = 'tag:yaml.org,2002:str'
const TRUE = /^(?:true|True|TRUE)$/
const FALSE = /^(?:false|False|FALSE)$/
const NULL = /^(?:null|Null|NULL|~|)$/

/**
 * A scalar's value as written: plain scalars keep their source text, except `true`/`false`
 * (booleans) and `null`/`~`/empty (null); quoted and block scalars are their string value.
 */
export function readYamlScalar(node: Scalar): string | boolean | null {
  if (node.type === 'PLAIN' || node.type === undefined) {
    const source = node.source ?? (node.value === null || node.value === undefined ? '' : String(node.value))
    if (node.tag === STR_TAG) return source
    if (TRUE.test(source)) return true
    if (FALSE.test(source)) return false
    if (NULL.test(source)) return null
    return source
  }
  return typeof node.value === 'string' ? node.value : String(node.value)
}
