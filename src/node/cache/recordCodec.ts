import { ShiplogMessage, type Severity } from '../../core/message/ShiplogMessage.ts'
import type { ReleaseRecord } from '../../core/record/types.ts'

/*
 * A parsed record as text and back, exactly: the record cache stores it and parse workers send it
 * to the main thread. Plain JSON would lose three things the record model has, so the text is JSON
 * of a tagged tree:
 * - null-prototype objects (frontmatter data, fields and paths, table rows' cells) are written as
 *   `{"\u0001n": [key, value, …]}`;
 * - an object or array met a second time (a row's `cells` share their cells with its `list`,
 *   `timeline` is one of `tables`, YAML aliases) is written as `{"\u0001r": n}`, n counting objects
 *   and arrays in the order they are first written;
 * - an ordinary object with a key starting with U+0001 (none in the model today) is written as
 *   `{"\u0001o": [key, value, …]}`, so that no untagged object can be mistaken for a tagged one;
 * - a problem (a `ShiplogMessage`) is written as `{"\u0001m": {reason, file, line, column, ruleId,
 *   source, severity, …}}` (its fields that are set) and read back as a `ShiplogMessage`.
 * Anything else JSON cannot carry exactly (undefined, functions, non-finite numbers, -0, class
 * instances, sparse arrays) makes `encodeRecord` throw: such a record is used as parsed, never cached.
 */
const REF = '\u0001r'
const NULL_PROTO = '\u0001n'
const TAGGED_OBJECT = '\u0001o'
const MESSAGE = '\u0001m'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** The record as text (see the codec's notes above). Throws a TypeError for what it cannot carry exactly. */
export function encodeRecord(record: ReleaseRecord): string {
  return encodeValue(record, 'record')
}

/**
 * Any value of the record model's kinds (plain and null-prototype objects, arrays, strings,
 * finite numbers, booleans, null, `ShiplogMessage`s) as text, exactly as `encodeRecord` writes a
 * record: a template's manifest is cached the same way. `name` names the value in errors.
 */
export function encodeValue(value: unknown, name: string): string {
  const ids = new Map<object, number>()
  const encode = (value: unknown, path: string): Json => {
    switch (typeof value) {
      case 'string':
      case 'boolean':
        return value
      case 'number':
        if (!Number.isFinite(value) || Object.is(value, -0)) throw new TypeError(`cannot encode the number ${value} at ${path}`)
        return value
      case 'object':
        if (value === null) return null
        break
      default:
        throw new TypeError(`cannot encode ${typeof value} at ${path}`)
    }
    const seen = ids.get(value)
    if (seen !== undefined) return { [REF]: seen }
    ids.set(value, ids.size)
    if (Array.isArray(value)) {
      if (Object.getPrototypeOf(value) !== Array.prototype || Object.keys(value).length !== value.length) {
        throw new TypeError(`cannot encode a sparse or extended array at ${path}`)
      }
      const out: Json[] = new Array(value.length)
      for (let index = 0; index < value.length; index++) out[index] = encode(value[index], `${path}.${index}`)
      return out
    }
    const proto: unknown = Object.getPrototypeOf(value)
    if (proto === ShiplogMessage.prototype) return { [MESSAGE]: encodeMessage(value as ShiplogMessage, path) }
    if (proto !== Object.prototype && proto !== null) throw new TypeError(`cannot encode a class instance at ${path}`)
    const object = value as { [key: string]: unknown }
    const keys = Object.keys(object)
    if (Object.getOwnPropertyNames(object).length !== keys.length || Object.getOwnPropertySymbols(object).length > 0) {
      throw new TypeError(`cannot encode hidden or symbol keys at ${path}`)
    }
    if (proto === null || keys.some((key) => key.charCodeAt(0) === 1)) {
      const list: Json[] = []
      for (const key of keys) list.push(key, encode(object[key], `${path}.${key}`))
      return { [proto === null ? NULL_PROTO : TAGGED_OBJECT]: list }
    }
    const out: { [key: string]: Json } = {}
    for (const key of keys) {
      const encoded = encode(object[key], `${path}.${key}`)
      if (key === '__proto__') Object.defineProperty(out, key, { value: encoded, enumerable: true, writable: true, configurable: true })
      else out[key] = encoded
    }
    return out
  }
  return JSON.stringify(encode(value, name))
}

/** At most this many strings are shared through an intern map: unique texts beyond it are kept as they are. */
const INTERN_LIMIT = 50_000

/**
 * The record `encodeRecord` wrote. Strings up to 100 characters are shared through `intern` when
 * given (the same checklist items, headers and keys recur in every record: sharing them keeps
 * thousands of records small). Throws on text that is not an encoded record.
 */
export function decodeRecord(text: string, intern?: Map<string, string>): ReleaseRecord {
  const record = decodeValue(text, intern)
  if (!looksLikeRecord(record)) throw new TypeError('unexpected value: not a release record')
  return record
}

/** The value `encodeValue` wrote (see `decodeRecord`). Throws on text that is not an encoded value. */
export function decodeValue(text: string, intern?: Map<string, string>): unknown {
  const root: unknown = JSON.parse(text)
  // Objects and arrays in the order they were first written, for references.
  const objects: object[] = []
  const share = (value: string): string => {
    if (intern === undefined || value.length > 100) return value
    const shared = intern.get(value)
    if (shared !== undefined) return shared
    if (intern.size < INTERN_LIMIT) intern.set(value, value)
    return value
  }
  const decode = (value: object): object => {
    if (Array.isArray(value)) {
      objects.push(value)
      for (let index = 0; index < value.length; index++) {
        const item: unknown = value[index]
        if (typeof item === 'string') value[index] = share(item)
        else if (typeof item === 'object' && item !== null) value[index] = decode(item)
      }
      return value
    }
    const object = value as { [key: string]: unknown }
    let first = true
    // JSON.parse gives plain objects whose keys are all own and enumerable.
    for (const key in object) {
      if (first) {
        first = false
        if (key.charCodeAt(0) === 1) return decodeTagged(object, key)
        objects.push(object)
      }
      const item = object[key]
      // (Equal strings compare equal whether shared or not: always write the shared one back.)
      if (typeof item === 'string') object[key] = share(item)
      else if (typeof item === 'object' && item !== null) {
        const decoded = decode(item)
        if (decoded !== item) object[key] = decoded
      }
    }
    if (first) objects.push(object)
    return object
  }
  const decodeTagged = (object: { [key: string]: unknown }, tag: string): object => {
    const content = object[tag]
    if (tag === MESSAGE) return decodeMessage(content, objects, share)
    if (tag === REF) {
      const target = typeof content === 'number' ? objects[content] : undefined
      if (target === undefined) throw new TypeError('unexpected reference')
      return target
    }
    if ((tag !== NULL_PROTO && tag !== TAGGED_OBJECT) || !Array.isArray(content) || content.length % 2 !== 0) {
      throw new TypeError('unexpected tagged object')
    }
    // Built as an ordinary object, then given a null prototype: V8 keeps such an object in fast
    // mode, about a quarter of the memory of an `Object.create(null)` dictionary.
    const out: { [key: string]: unknown } = {}
    objects.push(out)
    for (let index = 0; index < content.length; index += 2) {
      const key: unknown = content[index]
      if (typeof key !== 'string') throw new TypeError('unexpected key')
      let item: unknown = content[index + 1]
      if (typeof item === 'string') item = share(item)
      else if (typeof item === 'object' && item !== null) item = decode(item)
      if (key === '__proto__') Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true })
      else out[key] = item
    }
    if (tag === NULL_PROTO) Object.setPrototypeOf(out, null)
    return out
  }
  return typeof root === 'object' && root !== null ? decode(root) : root
}

/** The fields of a message the codec keeps: what its constructor takes. Anything else set on it makes `encodeRecord` throw. */
function encodeMessage(message: ShiplogMessage, path: string): Json {
  if (message.ancestors !== undefined || message.cause !== undefined || message.note !== undefined) {
    throw new TypeError(`cannot encode a message with ancestors, a cause or a note at ${path}`)
  }
  const out: { [key: string]: Json } = { reason: message.reason, file: message.file, severity: message.severity }
  if (message.line !== undefined) out['line'] = message.line
  if (message.column !== undefined) out['column'] = message.column
  if (message.ruleId !== undefined) out['ruleId'] = message.ruleId
  if (message.source !== undefined) out['source'] = message.source
  if (message.actual !== undefined) out['actual'] = message.actual
  if (message.expected !== undefined) out['expected'] = message.expected
  if (message.url !== undefined) out['url'] = message.url
  return out
}

function decodeMessage(content: unknown, objects: object[], share: (value: string) => string): ShiplogMessage {
  if (typeof content !== 'object' || content === null || Array.isArray(content)) throw new TypeError('unexpected message')
  const fields = content as { [key: string]: unknown }
  const text = (key: string): string | undefined => {
    const value = fields[key]
    if (value === undefined) return undefined
    if (typeof value !== 'string') throw new TypeError(`unexpected message ${key}`)
    return share(value)
  }
  const whole = (key: string): number | undefined => {
    const value = fields[key]
    if (value === undefined) return undefined
    if (typeof value !== 'number' || !Number.isInteger(value)) throw new TypeError(`unexpected message ${key}`)
    return value
  }
  const severity = fields['severity']
  if (severity !== 'error' && severity !== 'warning' && severity !== 'info') throw new TypeError('unexpected message severity')
  const expected = fields['expected']
  if (expected !== undefined && !(Array.isArray(expected) && expected.every((item) => typeof item === 'string'))) throw new TypeError('unexpected message expected')
  const line = whole('line')
  const column = whole('column')
  const options = { file: text('file') ?? '', severity: severity satisfies Severity } as ConstructorParameters<typeof ShiplogMessage>[1] & object
  if (line !== undefined) options.place = { line, column: column ?? 1 }
  const ruleId = text('ruleId')
  if (ruleId !== undefined) options.ruleId = ruleId
  const source = text('source')
  if (source !== undefined) options.source = source
  const actual = text('actual')
  if (actual !== undefined) options.actual = actual
  if (expected !== undefined) options.expected = expected as string[]
  const url = text('url')
  if (url !== undefined) options.url = url
  const message = new ShiplogMessage(text('reason') ?? '', options)
  // The encoder counted the message as one object (its fields are not counted): so does the decoder.
  objects.push(message)
  return message
}

function looksLikeRecord(value: unknown): value is ReleaseRecord {
  if (typeof value !== 'object' || value === null) return false
  const record = value as { [key: string]: unknown }
  const frontmatter = record['frontmatter'] as { [key: string]: unknown } | null | undefined
  return (
    typeof record['file'] === 'string' &&
    (record['status'] === null || typeof record['status'] === 'string') &&
    typeof record['template'] === 'string' &&
    Array.isArray(record['stages']) &&
    Array.isArray(record['tables']) &&
    Array.isArray(record['placeholders']) &&
    Array.isArray(record['problems']) &&
    typeof frontmatter === 'object' &&
    frontmatter !== null &&
    typeof frontmatter['data'] === 'object' &&
    typeof frontmatter['fields'] === 'object' &&
    typeof frontmatter['paths'] === 'object'
  )
}
