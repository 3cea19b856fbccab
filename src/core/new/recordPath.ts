import { posix } from 'node:path'
import { ShiplogError } from '../errors.ts'
import { isRecordFileName } from '../record/isRecordFileName.ts'

const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,99}$/
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i

/** Checks that a value can be one file-name segment; throws a ShiplogError (exit 2) saying what is expected. */
export function assertSafeSegment(what: string, value: string): void {
  if (!SAFE_SEGMENT.test(value) || value.endsWith('.') || RESERVED.test(value)) {
    const shown = JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value)
    throw new ShiplogError(
      `Unexpected ${what} ${shown}: expected 1–100 letters, digits, \`.\`, \`-\`, \`+\` or \`_\`, starting with a letter or digit, not a reserved device name (e.g. 2.4.0)`,
      2,
    )
  }
}

/**
 * The path of a new record, relative to the project root with `/`: the releases folder joined
 * with the configured file-name pattern, its `{version}`, `{component}` and `{environment}`
 * replaced. Every replaced value must be a safe single segment, so the path cannot leave the
 * releases folder, and the path must be one every command reads as a record (not `README.md`,
 * `index.md`, nor a name starting with `_` or `.`): a ShiplogError (exit 2) otherwise.
 */
export function recordPath(releasesDir: string, pattern: string, values: { [key: string]: unknown }): string {
  const expanded = pattern.replace(/\{(version|component|environment)\}/g, (_, key: string) => {
    const value = values[key]
    if (typeof value !== 'string' || value === '') {
      throw new ShiplogError(`The file-name pattern \`${pattern}\` uses {${key}}: pass it with --set ${key}=…`, 2)
    }
    assertSafeSegment(key, value)
    return value
  })
  const base = posix.normalize(releasesDir.split('\\').join('/')).replace(/\/+$/, '')
  const path = posix.normalize(`${base}/${expanded}`)
  if (!path.startsWith(`${base}/`) || path.split('/').includes('..')) {
    throw new ShiplogError(`Unexpected record path ${path}: expected a file inside ${base}/`, 2)
  }
  const inside = path.slice(base.length + 1).split('/')
  const name = inside[inside.length - 1] ?? ''
  if (!isRecordFileName(name) || inside.some((segment) => segment.startsWith('_') || segment.startsWith('.'))) {
    throw new ShiplogError(
      `Unexpected record path ${path}: no command reads README.md, index.md or a file or folder whose name starts with \`_\` or \`.\` as a record, expected a version giving another name (e.g. 2.4.0)`,
      2,
    )
  }
  return path
}
