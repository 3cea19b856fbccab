import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatRecordView } from '../../src/core/show/formatRecordView.ts'
import { recordViewOf } from '../../src/core/show/recordViewOf.ts'
import { wrapText } from '../../src/core/show/wrapText.ts'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import { parseManifest } from '../../src/core/template/parseManifest.ts'
import { REPO_ROOT } from '../helpers/runCli.ts'
import { SHOW_RECORD } from './fixtureRecord.ts'

const manifest = parseManifest(readFileSync(join(REPO_ROOT, 'templates/deployment.md'), 'utf8'), 'deployment').manifest
if (!manifest) throw new Error('the deployment template has no manifest')
const deployment = manifest

const NOW = new Date('2026-03-11T00:00:00Z')

function view(source = SHOW_RECORD) {
  return recordViewOf(parseRecord(source, { file: 'releases/web-shop/3.2.0.md', templates: { deployment } }), { now: NOW, today: '2026-03-11', timeZone: null })
}

describe('shiplog show: the record view', () => {
  it('should read progress, the next status with what is left, sign-offs, timeline and issues', () => {
    const shown = view()
    expect(shown.status).toBe('deployed')
    expect([shown.progress.done, shown.progress.total]).toEqual([6, 10])
    expect(shown.progress.stages.map((stage) => [stage.name, stage.done, stage.total])).toEqual([
      ['Pre-Deployment Planning', 2, 2],
      ['Deployment Execution', 2, 4],
      ['Post-Deployment Validation', 2, 4],
    ])
    expect(shown.next?.next).toBe('verified')
    expect(shown.next?.left).toBe(3)
    expect(shown.next?.overdue.map((group) => [group.group, group.items.map((item) => item.line)])).toEqual([['During Deployment', [30]]])
    expect(shown.next?.due.map((group) => group.group)).toEqual(['Post-Deployment', 'Health Checks'])
    expect(shown.signoffs[0]?.items.map((item) => [item.role, item.named, item.signed])).toEqual([
      ['Product Owner', true, true],
      ['QA Lead', false, false],
    ])
    // 09:30 +11:00 ends the Application deployment row: the deploy time (FORMAT.md §5).
    expect(shown.deployed).toBe('2026-03-10 09:30 +11:00')
    expect(shown.timeline).toEqual([{ phase: 'Application deployment', start: '2026-03-10 09:00 +11:00', end: '2026-03-10 09:30 +11:00', minutes: 30, line: 40 }])
    expect(shown.issues).toEqual([{ issue: 'Checkout slow', severity: 'High', failure: true, time: '2026-03-10 09:40 +11:00', minutes: 15, line: 60 }])
  })

  it('should print each part without colour, wrapped at the width given', () => {
    const text = formatRecordView(view(), { color: false, bars: false, width: 60 })
    expect(text).not.toMatch(/\u001b\[/)
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(60)
    expect(text).toContain(
      [
        'Next  verified: 3 items left',
        '  Overdue: required at deployed',
        '    Deployment Execution › During Deployment',
        '      [ ] Smoke tests passed in production after the switch',
        '          of traffic to the new version of the checkout',
        '          service (line 30)',
      ].join('\n'),
    )
    expect(text.split('\n').slice(0, 5)).toEqual([
      'Faster checkout (web-shop 3.2.0)',
      'releases/web-shop/3.2.0.md',
      'Status deployed · production · owner Ana Ruiz',
      'Scheduled 2026-03-10 09:00 +11:00 · deployed 2026-03-10',
      '09:30 +11:00',
    ])
    expect(text).toContain('Progress  6/10 60%\n  Pre-Deployment Planning     2/2 100%\n  Deployment Execution        2/4 50%\n')
    expect(text).toContain('    [x] Product Owner: Ana Ruiz\n    [ ] QA Lead: not named\n')
    // 61 columns with "(fails": it goes to the next line.
    expect(text).toContain('Issues\n  High: Checkout slow, 2026-03-10 09:40 +11:00, 15 min\n    (fails the deployment)\n')
  })

  it('should colour only when asked, and keep control characters from the record out of the terminal', () => {
    expect(formatRecordView(view(), { color: true, bars: true, width: 80 })).toMatch(/\u001b\[1mFaster checkout/)
    const hostile = formatRecordView(view(SHOW_RECORD.replace('release: "Faster checkout"', 'release: "Faster\\u001b[31m checkout"')), { color: false, bars: false, width: 80 })
    expect(hostile.split('\n')[0]).toBe('Faster[31m checkout (web-shop 3.2.0)')
  })

  it('should wrap at spaces with a hanging indent, keeping a long word whole', () => {
    expect(wrapText('aaa bbb ccc https://example.com/a/very/long/address', 12, '- ', '  ')).toEqual(['- aaa bbb', '  ccc', '  https://example.com/a/very/long/address'])
  })
})
