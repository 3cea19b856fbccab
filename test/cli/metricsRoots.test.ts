import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliTimeout, runCli } from '../helpers/runCli.ts'
import { twoRepositories } from '../helpers/twoRepositories.ts'
import { readdirSync, writeFileSync } from 'node:fs'

interface Json {
  deployments: number
  window: { days: number }
  leadTime: { medianHours: number }
  repositories?: Array<{ name: string; deployments: number; deploymentFrequency: { perWeek: number } }>
  explain: { figures: { deployments: { from: Array<{ file: string }> } } }
}

describe('shiplog metrics over several project roots', () => {
  it('should measure --root a --root b over one window, with a figure per repository', () => {
    const { payments, search } = twoRepositories()
    const result = runCli(['--root', payments, '--root', search, 'metrics', '--json', '--no-cache'])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const json = JSON.parse(result.stdout) as Json
    // worked out in twoRepositories(): 3 deployments over 14 days, lead time median 3 h
    expect(json.deployments).toBe(3)
    expect(json.window.days).toBe(14)
    expect(json.leadTime.medianHours).toBe(3)
    expect(json.repositories?.map((r) => [r.name, r.deployments, r.deploymentFrequency.perWeek])).toEqual([
      ['payments', 2, 1],
      ['search', 1, 0.5],
    ])
    expect(json.explain.figures.deployments.from.map((e) => e.file)).toEqual(['payments/releases/1.0.0.md', 'payments/releases/1.1.0.md', 'search/releases/1.0.0.md'])
    const text = runCli(['--root', payments, '--root', search, 'metrics', '--no-cache', '--no-color'])
    expect(text.stdout).toContain('\n  search    1 deployment (0 failed) · 0.5 per week · change failure rate 0% · lead time 4 h · recovery —\n')
    // a part of the report, after the figures and their trend
    expect(text.stdout.indexOf('Per repository')).toBeGreaterThan(text.stdout.indexOf('Deployments per week'))
  }, cliTimeout(2))

  it('should read the roots a configuration lists in `workspaces`, and filter one with --repository', () => {
    const { platform } = twoRepositories()
    const all = JSON.parse(runCli(['--root', platform, 'metrics', '--json', '--no-cache']).stdout) as Json
    expect(all.deployments).toBe(3)
    expect(all.repositories?.map((r) => r.name)).toEqual(['payments', 'search'])
    const one = runCli(['--root', platform, 'metrics', '--json', '--no-cache', '--repository', 'payments'])
    expect(one.code).toBe(0)
    const json = JSON.parse(one.stdout) as Json
    // payments alone: 2026-03-02 → 03-05, 3 days
    expect([json.deployments, json.window.days]).toEqual([2, 3])
    const unknown = runCli(['--root', platform, 'metrics', '--repository', 'billing'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('Unexpected repository `billing`, expected one of `payments`, `search`')
  }, cliTimeout(3))

  it('should name a missing root, and refuse two roots with the same label', () => {
    const { dir, payments, platform } = twoRepositories()
    writeFileSync(join(platform, 'shiplog.config.json'), JSON.stringify({ workspaces: ['../payments', '../gone'] }))
    const missing = runCli(['--root', platform, 'metrics'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toBe(`shiplog: Unexpected workspace "../gone" of ${join(platform, 'shiplog.config.json')} (${join(dir, 'gone')}): expected an existing folder\n`)
    writeFileSync(join(platform, 'shiplog.config.json'), JSON.stringify({ repository: 'payments' }))
    const twice = runCli(['--root', payments, '--root', platform, 'metrics'])
    expect(twice.code).toBe(2)
    expect(twice.stderr).toContain('Unexpected two project roots labelled `payments`')
  }, cliTimeout(2))

  it('should keep one root as it was: no `repositories`, files named as in the project', () => {
    const { payments } = twoRepositories()
    const json = JSON.parse(runCli(['--root', payments, 'metrics', '--json', '--no-cache']).stdout) as Json
    expect(json.repositories).toBeUndefined()
    expect(json.explain.figures.deployments.from.map((e) => e.file)).toEqual(['releases/1.0.0.md', 'releases/1.1.0.md'])
  }, cliTimeout(1))

  it('should keep each root\'s cached records apart in a shared SHIPLOG_CACHE_DIR, neither pruning the other\'s', () => {
    const { dir, payments, search } = twoRepositories()
    const cache = join(dir, 'cache')
    const entries = (repository: string): number =>
      (readdirSync(join(cache, 'records', repository), { recursive: true }) as string[]).filter((name) => name.endsWith('.json')).length
    for (let run = 0; run < 2; run++) {
      const result = runCli(['--root', payments, '--root', search, 'metrics', '--json'], { env: { SHIPLOG_CACHE_DIR: cache } })
      expect(result.code).toBe(0)
      expect((JSON.parse(result.stdout) as Json).deployments).toBe(3)
      // payments has two records, search one: each keeps its own entries after the other was read
      expect([entries('payments'), entries('search')]).toEqual([2, 1])
    }
  }, cliTimeout(2))

  it('should refuse --root given twice to a command that reads one project', () => {
    const { payments, search } = twoRepositories()
    const result = runCli(['--root', payments, '--root', search, 'status'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--root given 2 times, expected one project root: only metrics and build read several')
  }, cliTimeout(1))
})
