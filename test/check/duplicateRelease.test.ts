import { describe, expect, it } from 'vitest'
import { checkRecords } from '../../src/core/check/checkRecords.ts'
import { formatJson } from '../../src/core/check/format/json.ts'
import { formatText } from '../../src/core/check/format/text.ts'
import { duplicateReleaseRule } from '../../src/core/check/rules/duplicate-release.ts'
import { parseRecord } from '../../src/core/record/parseRecord.ts'
import type { ReleaseRecord } from '../../src/core/record/types.ts'

const SOURCE = '---\ncomponent: checkout\nversion: "2.4.0"\nenvironment: production\n---\n'
const base = parseRecord(SOURCE, { file: 'releases/base.md' })

/** `count` records of checkout 2.4.0 in production, `releases/r0000.md` … (the same parsed record under other names). */
function copies(count: number): ReleaseRecord[] {
  return Array.from({ length: count }, (_, index) => ({ ...base, file: `releases/r${String(index).padStart(4, '0')}.md` }))
}

describe('duplicate-release on many records sharing one release', () => {
  const COUNT = 3000
  const records = copies(COUNT)
  const result = checkRecords(records, { rules: [duplicateReleaseRule] })

  it('should report each of 3,000 duplicates once, naming the first 3 others and counting the rest', () => {
    expect(result.errors).toBe(COUNT)
    expect(result.diagnostics.length).toBe(COUNT)
    const prefix = 'Unexpected duplicate record of `checkout` `2.4.0` in `production`, expected one record per component, version and environment'
    // The first record's others are r0001…r2999: three named, 2,996 more.
    expect(result.diagnostics[0]).toMatchObject({ file: 'releases/r0000.md', line: 3, ruleId: 'duplicate-release', severity: 'error' })
    expect(result.diagnostics[0]?.message).toBe(`${prefix} (also in \`releases/r0001.md\`, \`releases/r0002.md\`, \`releases/r0003.md\` and 2996 more)`)
    // A later record names the first three others, skipping itself.
    expect(result.diagnostics[2]?.message).toBe(`${prefix} (also in \`releases/r0000.md\`, \`releases/r0001.md\`, \`releases/r0003.md\` and 2996 more)`)
    expect(result.diagnostics[COUNT - 1]?.message).toBe(`${prefix} (also in \`releases/r0000.md\`, \`releases/r0001.md\`, \`releases/r0002.md\` and 2996 more)`)
  })

  it('should keep the output linear in the number of records', () => {
    for (const d of result.diagnostics) expect(d.message.length).toBeLessThan(300)
    // One line per diagnostic of at most ~400 characters, plus the summary.
    expect(formatText(result).length).toBeLessThan(COUNT * 400)
    expect(formatJson(result).length).toBeLessThan(COUNT * 500)
  })

  it('should name every other file when there are at most 3 others', () => {
    const four = checkRecords(copies(4), { rules: [duplicateReleaseRule] })
    expect(four.diagnostics[3]?.message).toMatch(/\(also in `releases\/r0000\.md`, `releases\/r0001\.md`, `releases\/r0002\.md`\)$/)
    const two = checkRecords(copies(2), { rules: [duplicateReleaseRule] })
    expect(two.diagnostics.map((d) => d.message.match(/\(also in (.*)\)$/)?.[1])).toEqual(['`releases/r0001.md`', '`releases/r0000.md`'])
  })

  it('should count a file listed twice (checked and in allRecords) once', () => {
    const pair = copies(2)
    const twice = checkRecords(pair, { rules: [duplicateReleaseRule], allRecords: [...pair, ...pair] })
    expect(twice.diagnostics.map((d) => d.message.match(/\(also in (.*)\)$/)?.[1])).toEqual(['`releases/r0001.md`', '`releases/r0000.md`'])
  })
})
