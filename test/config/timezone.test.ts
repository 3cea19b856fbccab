import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/core/config/resolveConfig.ts'
import { ShiplogError } from '../../src/core/errors.ts'
import { cliTimeout, runCli } from '../helpers/runCli.ts'

describe('timezone in the configuration', () => {
  it('is null by default and keeps an IANA name', () => {
    expect(resolveConfig({}, 'shiplog.config.json').timezone).toBeNull()
    expect(resolveConfig({ timezone: 'Australia/Sydney' }, 'shiplog.config.json').timezone).toBe('Australia/Sydney')
  })

  it('refuses a name Intl does not know, naming the file and the key', () => {
    let error: unknown
    try {
      resolveConfig({ timezone: 'Australia/Sidney' }, 'shiplog.config.json')
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ShiplogError)
    expect((error as ShiplogError).exitCode).toBe(2)
    expect((error as ShiplogError).message).toBe(
      'Invalid configuration:\nshiplog.config.json: `timezone`: Unexpected timezone "Australia/Sidney", expected an IANA timezone name like `Australia/Sydney`, `Europe/Paris` or `UTC`',
    )
    expect(() => resolveConfig({ timezone: '+11:00' }, 'shiplog.config.json')).toThrow('Unexpected timezone "+11:00"')
  })

  it('the CLI exits 2 on a bad name, and check shows dates in a good one', () => {
    const root = mkdtempSync(join(tmpdir(), 'shiplog-timezone-'))
    mkdirSync(join(root, 'releases'))
    writeFileSync(join(root, 'releases/2.5.0.md'), '---\nenvironment: production\nstatus: deployed\ndeployed_at: 2999-01-01T10:00:00+01:00\n---\n')
    writeFileSync(join(root, 'shiplog.config.json'), '{ "timezone": "Mars/Olympus" }\n')
    const bad = runCli(['--root', root, 'check'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('shiplog.config.json: `timezone`: Unexpected timezone "Mars/Olympus", expected an IANA timezone name')
    writeFileSync(join(root, 'shiplog.config.json'), '{ "timezone": "Australia/Sydney" }\n')
    const good = runCli(['--root', root, 'check', '--format', 'json'])
    const json = JSON.parse(good.stdout) as { diagnostics: Array<{ rule: string; message: string }> }
    // 2999-01-01 10:00 +01:00 = 09:00 UTC = 20:00 in Sydney (daylight time, +11:00)
    expect(json.diagnostics.find((d) => d.rule === 'implausible-date')?.message).toMatch(
      /^Unexpected deploy time 2999-01-01 20:00 \+11:00 \(from `deployed_at`\) after now \(\d{4}-\d\d-\d\d \d\d:\d\d \+1[01]:00\), /,
    )
  }, cliTimeout(2))
})
