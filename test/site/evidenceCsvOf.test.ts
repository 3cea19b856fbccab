import { describe, expect, it } from 'vitest'
import { evidenceCsvOf, evidenceCsvPath, evidencePageUrl } from '../../src/core/site/evidenceCsvOf.ts'

describe('evidenceCsvOf', () => {
  it('should quote every cell, double quotes and end lines with CRLF', () => {
    const csv = evidenceCsvOf(
      [
        { file: 'releases/a.md', href: '/releases/a.html', title: 'Payments "API" 2.4.0', line: 12, value: '3.5 days', detail: 'a, b\nc' },
        { file: 'releases/b.md', href: null, title: 'B', line: 1, value: 'yes', detail: '' },
      ],
      'Lead time',
    )
    expect(csv).toBe(
      '"Release","File","Line","Lead time","Detail","Page"\r\n' +
        '"Payments ""API"" 2.4.0","releases/a.md","12","3.5 days","a, b\nc","/releases/a.html"\r\n' +
        '"B","releases/b.md","1","yes","",""\r\n',
    )
  })

  it("should give each page's address under the site's base, or absolute under its address", () => {
    const rows = [{ file: 'releases/a.md', href: '/releases/pay/2.4.0.html', title: 'A', line: 3, value: 'yes', detail: '' }]
    const last = (csv: string): string => csv.trimEnd().split('\r\n')[1]!.split(',').at(-1)!
    expect(last(evidenceCsvOf(rows, 'Failed', { siteUrl: null, base: '/docs/' }))).toBe('"/docs/releases/pay/2.4.0.html"')
    expect(last(evidenceCsvOf(rows, 'Failed', { siteUrl: 'https://acme.github.io/releases/', base: '/releases/' }))).toBe('"https://acme.github.io/releases/releases/pay/2.4.0.html"')
    expect(evidencePageUrl('/releases/a.html', { siteUrl: null, base: '/' })).toBe('/releases/a.html')
  })

  it('should keep a spreadsheet from reading record text as a formula', () => {
    const hostile = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx']
    const csv = evidenceCsvOf(hostile.map((title) => ({ file: 'releases/x.md', href: null, title, line: 1, value: 'yes', detail: title })), 'Counted')
    const rows = csv.split('\r\n').slice(1, -1)
    const cell = (text: string): string => `"${text}"`
    expect(rows).toEqual([
      [cell(`'=HYPERLINK(""http://x"",""y"")`), cell('releases/x.md'), cell('1'), cell('yes'), cell(`'=HYPERLINK(""http://x"",""y"")`), cell('')].join(','),
      [cell("'+1+1"), cell('releases/x.md'), cell('1'), cell('yes'), cell("'+1+1"), cell('')].join(','),
      [cell("'-2+3"), cell('releases/x.md'), cell('1'), cell('yes'), cell("'-2+3"), cell('')].join(','),
      [cell("'@SUM(A1)"), cell('releases/x.md'), cell('1'), cell('yes'), cell("'@SUM(A1)"), cell('')].join(','),
      [cell("'\tx"), cell('releases/x.md'), cell('1'), cell('yes'), cell("'\tx"), cell('')].join(','),
      [cell("'\rx"), cell('releases/x.md'), cell('1'), cell('yes'), cell("'\rx"), cell('')].join(','),
    ])
  })

  it('should publish each figure’s CSV under data/metrics/', () => {
    expect(evidenceCsvPath('lead-time')).toBe('data/metrics/lead-time.csv')
  })
})
