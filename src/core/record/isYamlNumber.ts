const CORE_INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/
const CORE_FLOAT = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/

/** Whether a plain scalar's text is an int or a float in the YAML 1.2 core schema (`1.10`, `0123`, `2e3`). */
export function isYamlNumber(source: string): boolean {
  return CORE_INT.test(source) || CORE_FLOAT.test(source)
}
