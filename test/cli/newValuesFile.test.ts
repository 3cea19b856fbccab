import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { killChildren, spawnCli } from '../helpers/spawnCli.ts'

// `shiplog new --values <file>` through the real binary, on files that are not what they should
// be: each must end at once with exit code 2 and one line naming the file and what was expected.

const roots: string[] = []
afterEach(() => {
  killChildren()
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'shiplog-values-'))
  roots.push(root)
  mkdirSync(join(root, 'releases'))
  return root
}

const NEW = ['new', '1.0.0', '--no-input', '--dry-run', '--values']

describe('shiplog new --values', () => {
  it('should refuse /dev/zero as a device, without reading it', async () => {
    const root = project()
    const result = await spawnCli(['--root', root, ...NEW, '/dev/zero'], { cwd: root, timeoutMs: 60_000, maxRssMb: 400 })
    expect(result.overMemory, `resident memory reached ${result.maxRssMb} MB`).toBe(false)
    expect(result.timedOut).toBe(false)
    expect(result.stderr).toBe('shiplog: /dev/zero: Unexpected device, expected a YAML or JSON file of values\n')
    expect(result.code).toBe(2)
  }, 90_000)

  it('should refuse a named pipe instead of waiting for a writer', async () => {
    const root = project()
    execFileSync('mkfifo', [join(root, 'values.yaml')])
    const result = await spawnCli(['--root', root, ...NEW, 'values.yaml'], { cwd: root, timeoutMs: 60_000 })
    expect(result.timedOut, 'shiplog new waited on the pipe').toBe(false)
    expect(result.stderr).toBe('shiplog: values.yaml: Unexpected named pipe, expected a YAML or JSON file of values\n')
    expect(result.code).toBe(2)
  }, 90_000)

  it('should refuse a folder, and a link to a device', async () => {
    const root = project()
    mkdirSync(join(root, 'values.yaml'))
    symlinkSync('/dev/urandom', join(root, 'random.yaml'))
    const folder = await spawnCli(['--root', root, ...NEW, 'values.yaml'], { cwd: root, timeoutMs: 60_000 })
    expect(folder.stderr).toBe('shiplog: values.yaml: Unexpected folder, expected a YAML or JSON file of values\n')
    expect(folder.code).toBe(2)
    const device = await spawnCli(['--root', root, ...NEW, 'random.yaml'], { cwd: root, timeoutMs: 60_000 })
    expect(device.stderr).toBe('shiplog: random.yaml: Unexpected device, expected a YAML or JSON file of values\n')
    expect(device.code).toBe(2)
  }, 90_000)

  it('should refuse a values file over 1 MiB', async () => {
    const root = project()
    writeFileSync(join(root, 'values.yaml'), `notes: ${'a'.repeat(3 * 1024 * 1024)}\n`)
    const result = await spawnCli(['--root', root, ...NEW, 'values.yaml'], { cwd: root, timeoutMs: 60_000 })
    expect(result.stderr).toBe('shiplog: values.yaml: Unexpected values file of more than 1 MiB, expected at most 1 MiB (as much as a record may hold)\n')
    expect(result.code).toBe(2)
  }, 90_000)

  it('should refuse an alias bomb with the line of the alias, not an unexpected error', async () => {
    const root = project()
    writeFileSync(
      join(root, 'values.yaml'),
      [
        'a: &a ["x","x","x","x","x","x","x","x","x"]',
        'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
        'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
        'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
        'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
        'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
        '',
      ].join('\n'),
    )
    const result = await spawnCli(['--root', root, ...NEW, 'values.yaml'], { cwd: root, timeoutMs: 60_000 })
    expect(result.stderr).toBe('shiplog: values.yaml:5:8: Unexpected aliases expanding to too many values, expected a smaller values file\n')
    expect(result.code).toBe(2)
  }, 90_000)

  it('should refuse an empty --from-git range instead of ignoring it', async () => {
    const root = project()
    const result = await spawnCli(['--root', root, 'new', '1.0.0', '--no-input', '--dry-run', '--from-git', ''], { cwd: root, timeoutMs: 60_000 })
    expect(result.stderr).toBe('shiplog: Unexpected revision range ``, expected a range like `v1.2.0..HEAD`\n')
    expect(result.code).toBe(1)
    expect(existsSync(join(root, 'releases/1.0.0.md'))).toBe(false)
  }, 90_000)
})
