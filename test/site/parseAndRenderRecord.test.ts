import { describe, expect, it } from 'vitest'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import { parseAndRenderRecord } from '../../src/core/site/parseAndRenderRecord.ts'
import { recordBodyOf } from '../../src/core/site/recordBodyOf.ts'
import { renderRecordBody } from '../../src/core/site/renderRecordBody.ts'
import { siteBodyOptions } from '../../src/core/site/siteBodyOptions.ts'

const repo = { url: 'https://git.example.com/acme/releases', branch: 'main' }
const options = { file: 'releases/payments/2.4.0.md', templates: {}, defaultTemplate: 'deployment' }

describe('parseAndRenderRecord', () => {
  it("should give parseRecord's record and the body renderRecordBody renders from the text alone", () => {
    const source = '---\nstatus: approved\n---\n\n# Payments 2.4.0\n\n## Pre-deployment\n\n- [x] Tests pass https://ci.example.com/7\n- [ ] Sign-off [runbook](../runbook.md)\n'
    const { record, html } = parseAndRenderRecord(source, options, repo)
    expect(JSON.stringify(record)).toBe(JSON.stringify(parseRecord(source, options)))
    expect(html).toBe(renderRecordBody(recordBodyOf(source)!, siteBodyOptions(record, {}, repo)))
    // Line 9 and 10 of the file, a link found in text, a relative link into the repository.
    expect(html).toContain('<li class="task-list-item" id="L9">')
    expect(html).toContain('<a href="https://ci.example.com/7" rel="noopener noreferrer">')
    expect(html).toContain('<li class="task-list-item" id="L10">')
    expect(html).toContain('href="https://git.example.com/acme/releases/blob/main/releases/runbook.md"')
  })

  it('should render no body the parser refused: past the Markdown limits, or not text', () => {
    const deep = `---\nstatus: planned\n---\n\n${'*'.repeat(150)}x\n`
    const refused = parseAndRenderRecord(deep, options, null)
    expect(refused.record.problems.map((p) => p.ruleId)).toContain('markdown')
    expect(refused.html).toBeNull()
    const binary = parseAndRenderRecord(new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x00]), options, null)
    expect(binary.record.problems).toHaveLength(1)
    expect(binary.html).toBeNull()
  })
})
