import { describe, expect, it } from 'vitest'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import { bodySummaryOf, type RecordBodySummary } from '../../src/core/site/bodySummaryOf.ts'
import { isRecordHtmlShape } from '../../src/core/site/inertRecordHtml.ts'
import { renderRecordBody } from '../../src/core/site/renderRecordBody.ts'

const NONE: RecordBodySummary = { tables: [], fields: [], reference: [] }

/** The body rendered for the site, its `&#10;` line breaks written back as line breaks (easier to read). */
function render(markdown: string, summary?: RecordBodySummary): string {
  const html = renderRecordBody(markdown, { file: 'releases/r.md', ...(summary ? { summary } : {}) })
  expect(isRecordHtmlShape(html)).toBe(true)
  return html.replace(/&#10;/g, '\n')
}

const anchor = (id: string, text: string): string => `<a class="header-anchor" href="#${id}" aria-label="Permalink to “${text}”">\u200b</a>`

describe('the record section under a release summary', () => {
  it('should leave out a trailing alternatives hint after a field value', () => {
    expect(render('**Release Type**: minor (Major | Minor | Patch | Hotfix)\n')).toBe('<p><strong>Release Type</strong>: minor</p>')
    // Inline formatting in the value: the hint is the last text.
    expect(render('**Target Environment:** *production* (Staging | Production | DR)\n')).toBe(
      '<p><strong>Target Environment:</strong> <em>production</em></p>',
    )
  })

  it('should keep a hint with no value before it, one alternative in parentheses, and text that is not a field line', () => {
    expect(render('**Release Type**: (Major | Minor)\n')).toBe('<p><strong>Release Type</strong>: (Major | Minor)</p>')
    expect(render('**Downtime expected**: None (canary)\n')).toBe('<p><strong>Downtime expected</strong>: None (canary)</p>')
    expect(render('Pick one (A | B)\n')).toBe('<p>Pick one (A | B)</p>')
  })

  it('should replace a table the summary shows by a note linking to it, and keep checklist anchors', () => {
    const markdown = [
      '## Deploy', //                    1
      '', //                             2
      '### Deployment Timeline', //      3
      '', //                             4
      '| Phase | Start |', //            5
      '|---|---|', //                    6
      '| App | 10:00 |', //              7
      '', //                             8
      '- [ ] Smoke tests', //            9
      '', //                             10
      '| Other | Table |', //            11
      '|---|---|', //                    12
      '| a | b |', //                    13
    ].join('\n')
    const html = render(markdown, { ...NONE, tables: [{ line: 5, href: '#shiplog-timeline', name: 'Deployment Timeline' }] })
    expect(html).toContain(
      `<h4 id="deployment-timeline">Deployment Timeline${anchor('deployment-timeline', 'Deployment Timeline')}</h4>\n<p class="shiplog-in-summary">This table is shown once, in the summary above: <a href="#shiplog-timeline">Deployment Timeline</a>.</p>`,
    )
    expect(html).not.toContain('<td>App</td>')
    expect(html).toContain('<li class="task-list-item" id="L9">')
    // The table on line 11 is not the summary's: it stays.
    expect(html).toContain('<td>a</td>\n<td>b</td>')
  })

  it("should leave out the Overview's field lines that repeat the summary's fields, with one note in their place", () => {
    const markdown = [
      '## Overview',
      '',
      '**Release**: Checkout (2.5.0)',
      '',
      '**Release Type**: Minor (Major | Minor)',
      '',
      '**Impact**: high',
      '',
      '**Component**: billing',
      '',
      '## Work',
      '',
      '**Release Type**: minor',
    ].join('\n')
    const summary: RecordBodySummary = {
      ...NONE,
      fields: [
        { labels: ['Release'], values: ['Checkout', 'Checkout (2.5.0)'] },
        { labels: ['Release Type'], values: ['minor'] },
        { labels: ['Component'], values: ['payments-api'] },
      ],
    }
    expect(render(markdown, summary)).toBe(
      [
        `<h3 id="overview">Overview${anchor('overview', 'Overview')}</h3>`,
        '<p class="shiplog-in-summary">Release and Release Type: shown in the <a href="#shiplog-summary">summary</a> above.</p><p><strong>Impact</strong>: high</p>',
        // A value other than the summary's is the record's own: kept.
        '<p><strong>Component</strong>: billing</p>',
        `<h3 id="work">Work${anchor('work', 'Work')}</h3>`,
        // Outside the Overview, field lines stay.
        '<p><strong>Release Type</strong>: minor</p>',
      ].join('\n'),
    )
  })

  it('should collapse a reference section under its heading, up to the next section', () => {
    const markdown = ['## Work', '', 'Done.', '', '## Deployment Guidelines', '', '### For Teams', '', '1. Plan', '', '## After', '', 'End.'].join('\n')
    expect(render(markdown, { ...NONE, reference: ['deployment guidelines'] })).toBe(
      [
        `<h3 id="work">Work${anchor('work', 'Work')}</h3>`,
        '<p>Done.</p>',
        '<details class="shiplog-reference"><summary><h3 id="deployment-guidelines">Deployment Guidelines</h3></summary>',
        `<h4 id="for-teams">For Teams${anchor('for-teams', 'For Teams')}</h4>`,
        '<ol>',
        '<li>Plan</li>',
        '</ol>',
        `</details><h3 id="after">After${anchor('after', 'After')}</h3>`,
        '<p>End.</p>',
      ].join('\n'),
    )
  })

  it('should leave the record whole without a summary', () => {
    const markdown = '## Overview\n\n**Release**: Checkout\n\n| A |\n|---|\n| 1 |\n\n## Deployment Guidelines\n\nText.\n'
    const html = render(markdown)
    expect(html).toContain('<p><strong>Release</strong>: Checkout</p>')
    expect(html).toContain('<td>1</td>')
    expect(html).not.toContain('<details')
  })
})

describe('bodySummaryOf', () => {
  const record = (body: string) =>
    parseRecord(`---\nrelease: "Checkout"\nversion: "2.5.0"\nrelease_type: minor\nstatus: planned\n---\n${body}`, { file: 'releases/r.md' })

  it('should name the timeline and issues tables the summary shows, by line, and the fields with their values', () => {
    const body = [
      '## Deploy', //                                 7
      '', //                                          8
      '### Deployment Timeline', //                   9
      '', //                                          10
      '| Phase | Start Time | End Time |', //         11
      '|---|---|---|', //                             12
      '| Application deployment | 10:00 | 10:20 |', // 13
      '', //                                          14
      '### Issues Encountered', //                    15
      '', //                                          16
      '| Time | Issue | Severity |', //               17
      '|---|---|---|', //                             18
      '| | | |', //                                   19
    ].join('\n')
    const summary = bodySummaryOf(record(body), ['Deployment Guidelines'])
    // The issues table has no row written: the summary does not show it, so the record keeps it.
    expect(summary.tables).toEqual([{ line: 11, href: '#shiplog-timeline', name: 'Deployment Timeline' }])
    expect(summary.fields).toEqual([
      { labels: ['Release'], values: ['Checkout', 'Checkout (2.5.0)'] },
      { labels: ['Version'], values: ['2.5.0'] },
      { labels: ['Release Type'], values: ['minor'] },
      { labels: ['Status'], values: ['planned'] },
    ])
    expect(summary.reference).toEqual(['Deployment Guidelines'])
  })
})
