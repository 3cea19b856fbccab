import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliTimeout, runCli } from '../helpers/runCli.ts'

const ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' }

function git(cwd: string, args: string[], date?: string): void {
  execFileSync('git', ['-c', 'user.name=Ana Ruiz', '-c', 'user.email=ana@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    env: date ? { ...ENV, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : ENV,
  })
}

const record = (status: string, scheduled: string): string =>
  [
    '---',
    'release: Checkout; "fast", safe',
    'version: "2.5.0"',
    'component: payments-api',
    'release_type: minor',
    'environment: production',
    `status: ${status}`,
    `scheduled: "${scheduled}"`,
    'owner: Marta',
    '---',
    '',
    '# Checkout',
    '',
  ].join('\n')

interface Event {
  uid: string
  sequence: number
  status: string
  start: string
  end: string
  summary: string
  description: string
  url: string | null
}

/** The events of a calendar, read with ical.js (an independent RFC 5545 parser). */
function events(text: string): Event[] {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((vevent) => ({
    uid: String(vevent.getFirstPropertyValue('uid')),
    sequence: Number(vevent.getFirstPropertyValue('sequence')),
    status: String(vevent.getFirstPropertyValue('status')),
    start: String(vevent.getFirstPropertyValue('dtstart')),
    end: String(vevent.getFirstPropertyValue('dtend')),
    summary: String(vevent.getFirstPropertyValue('summary')),
    description: String(vevent.getFirstPropertyValue('description')),
    url: vevent.hasProperty('url') ? String(vevent.getFirstPropertyValue('url')) : null,
  }))
}

describe('shiplog calendar', () => {
  let root: string

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'shiplog-calendar-'))
    mkdirSync(join(root, 'releases'))
    writeFileSync(join(root, '.gitignore'), '.shiplog/\n')
    writeFileSync(join(root, 'shiplog.config.json'), JSON.stringify({ site: { title: 'Acme releases', url: 'https://acme.example/rel' } }))
    git(root, ['init', '-q', '-b', 'main'])
    writeFileSync(join(root, 'releases/2.5.0.md'), record('planned', '2026-10-28T21:00:00+01:00'))
    git(root, ['add', '-A'])
    git(root, ['commit', '-q', '-m', 'Plan 2.5.0'], '2026-10-01T09:00:00+02:00')
  })

  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true })
  })

  it(
    'prints one event per scheduled release whose UID stays and whose SEQUENCE grows when a commit changes the record',
    () => {
      const first = runCli(['--root', root, 'calendar', '--no-cache'])
      expect(first.stderr).toBe('')
      expect(first.code).toBe(0)
      const again = runCli(['--root', root, 'calendar', '--no-cache'])
      expect(again.stdout).toBe(first.stdout)
      const [before] = events(first.stdout)
      expect(before).toEqual({
        uid: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
        sequence: 1,
        status: 'TENTATIVE',
        start: '2026-10-28T20:00:00Z',
        end: '2026-10-28T21:00:00Z',
        summary: 'payments-api 2.5.0 to production',
        description: 'Release: Checkout; "fast", safe\nStatus: planned\nEnvironment: production\nScheduled: 2026-10-28 21:00 +01:00\nOwner: Marta',
        url: 'https://acme.example/rel/releases/2.5.0.html',
      })

      writeFileSync(join(root, 'releases/2.5.0.md'), record('approved', '2026-10-28T22:00:00+01:00'))
      git(root, ['commit', '-q', '-am', 'Approve 2.5.0, an hour later'], '2026-10-20T09:00:00+02:00')
      const [after] = events(runCli(['--root', root, 'calendar', '--no-cache']).stdout)
      expect(after).toMatchObject({ uid: before?.uid, sequence: 2, status: 'TENTATIVE', start: '2026-10-28T21:00:00Z', end: '2026-10-28T22:00:00Z' })

      writeFileSync(join(root, 'releases/2.5.0.md'), record('cancelled', '2026-10-28T22:00:00+01:00'))
      git(root, ['commit', '-q', '-am', 'Cancel 2.5.0'], '2026-10-25T09:00:00+01:00')
      const [cancelled] = events(runCli(['--root', root, 'calendar', '--no-cache']).stdout)
      expect(cancelled).toMatchObject({ uid: before?.uid, sequence: 3, status: 'CANCELLED' })
    },
    cliTimeout(5),
  )

  it(
    'writes the calendar to --out instead of stdout',
    () => {
      const out = join(root, 'out.ics')
      const result = runCli(['--root', root, 'calendar', '--out', out, '--no-cache'])
      expect(result.code).toBe(0)
      expect(result.stdout).toBe('')
      expect(events(readFileSync(out, 'utf8')).map((event) => event.summary)).toEqual(['payments-api 2.5.0 to production'])
    },
    cliTimeout(1),
  )
})
