import { mkdtempSync, readFileSync, symlinkSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parser } from 'keep-a-changelog'
import { describe, expect, it } from 'vitest'
import { cliTimeout, runCli } from '../helpers/runCli.ts'
import { NOTES_RECORD } from '../notes/fixtureRecord.ts'
import { tempProject } from '../helpers/tempProject.ts'

const project = (files: { readonly [path: string]: string | Uint8Array }): string => tempProject(files, 'shiplog-notes-')

const OTHER = NOTES_RECORD.replace('component: "web-shop"', 'component: "admin"')

describe('shiplog notes', () => {
  it('should print the notes of the record a version names, with commit links from site.repoUrl', () => {
    const root = project({
      'shiplog.config.json': JSON.stringify({ site: { repoUrl: 'https://gitlab.com/acme/shop' } }),
      'releases/web-shop/3.2.0.md': NOTES_RECORD,
    })
    const result = runCli(['--root', root, 'notes', '3.2.0'])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout.split('\n').slice(0, 3)).toEqual(['# Faster checkout', '', '**Version**: 3.2.0 · **Component**: web-shop · **Released**: 2026-03-10'])
    expect(result.stdout).toContain('- feat(cart): one-page checkout ([`4f1c2ab`](https://gitlab.com/acme/shop/-/commit/4f1c2ab))\n')
  }, cliTimeout(1))

  it('should refuse a version several components share, listing them, and accept component@version or a path', () => {
    const root = project({ 'releases/web-shop/3.2.0.md': NOTES_RECORD, 'releases/admin/3.2.0.md': OTHER })
    const ambiguous = runCli(['--root', root, 'notes', '3.2.0'])
    expect(ambiguous.code).toBe(2)
    expect(ambiguous.stdout).toBe('')
    expect(ambiguous.stderr).toContain('2 records match')
    expect(ambiguous.stderr).toContain('  admin@3.2.0 (releases/admin/3.2.0.md)\n')
    expect(ambiguous.stderr).toContain('  web-shop@3.2.0 (releases/web-shop/3.2.0.md)\n')
    const named = runCli(['--root', root, 'notes', 'admin@3.2.0'])
    expect(named.code).toBe(0)
    expect(named.stdout).toContain('**Component**: admin')
    const byPath = runCli(['notes', 'releases/web-shop/3.2.0.md'], { cwd: root })
    expect(byPath.code).toBe(0)
    expect(byPath.stdout).toContain('**Component**: web-shop')
    const missing = runCli(['--root', root, 'notes', '3.2.1'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('no record has that version')
    expect(missing.stderr).toContain('did you mean 3.2.0?')
  }, cliTimeout(4))

  it('should put the release into a changelog once: a second run leaves the file byte for byte', () => {
    const root = project({ 'releases/web-shop/3.2.0.md': NOTES_RECORD })
    const first = runCli(['--root', root, 'notes', '3.2.0', '--changelog', join(root, 'CHANGELOG.md')])
    expect(first.code).toBe(0)
    expect(first.stdout).toBe('')
    expect(first.stderr).toBe('CHANGELOG.md: created with 3.2.0 (releases/web-shop/3.2.0.md)\n')
    const once = readFileSync(join(root, 'CHANGELOG.md'))
    const second = runCli(['--root', root, 'notes', '3.2.0', '--changelog', 'CHANGELOG.md'], { cwd: root })
    expect(second.code).toBe(0)
    expect(second.stderr).toBe('CHANGELOG.md: already holds 3.2.0 (releases/web-shop/3.2.0.md)\n')
    expect(readFileSync(join(root, 'CHANGELOG.md')).equals(once)).toBe(true)
    const release = parser(once.toString('utf8')).findRelease('3.2.0')
    expect(release?.date?.toISOString().slice(0, 10)).toBe('2026-03-10')
    expect(release?.changes.get('added')?.map((change) => change.title)).toEqual(['One-page checkout with `Apple Pay`', 'Saved addresses \\<b onclick="alert(1)">remembered\\</b>'])
    expect(release?.changes.get('fixed')?.map((change) => change.title)).toEqual(['Coupon codes are case-insensitive (SHOP-12)', 'See the docs and pixel'])

    // The record changes: its entry is replaced, not added again.
    writeFileSync(join(root, 'releases/web-shop/3.2.0.md'), NOTES_RECORD.replace('- Coupon codes are case-insensitive (SHOP-12)\n', ''))
    const third = runCli(['--root', root, 'notes', '3.2.0', '--changelog', 'CHANGELOG.md'], { cwd: root })
    expect(third.stderr).toBe('CHANGELOG.md: updated with 3.2.0 (releases/web-shop/3.2.0.md)\n')
    const changed = parser(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'))
    expect(changed.releases.filter((r) => r.version?.toString() === '3.2.0')).toHaveLength(1)
    expect(changed.findRelease('3.2.0')?.changes.get('fixed')?.map((change) => change.title)).toEqual(['See the docs and pixel'])
  }, cliTimeout(3))

  it('should refuse a changelog outside the project, also through a symbolic link, writing nothing', () => {
    const root = project({ 'releases/web-shop/3.2.0.md': NOTES_RECORD })
    const outside = mkdtempSync(join(tmpdir(), 'shiplog-outside-'))
    const direct = runCli(['--root', root, 'notes', '3.2.0', '--changelog', join(outside, 'CHANGELOG.md')])
    expect(direct.code).toBe(2)
    expect(direct.stderr).toContain('is outside the project')
    symlinkSync(outside, join(root, 'docs'))
    const linked = runCli(['--root', root, 'notes', '3.2.0', '--changelog', 'docs/CHANGELOG.md'], { cwd: root })
    expect(linked.code).toBe(2)
    expect(existsSync(join(outside, 'CHANGELOG.md'))).toBe(false)
  }, cliTimeout(2))

  it('should write the notes to --out', () => {
    const root = project({ 'releases/web-shop/3.2.0.md': NOTES_RECORD })
    const result = runCli(['--root', root, 'notes', 'web-shop@3.2.0', '--out', join(root, 'notes.md')])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('')
    expect(readFileSync(join(root, 'notes.md'), 'utf8').startsWith('# Faster checkout\n')).toBe(true)
  }, cliTimeout(1))
})
