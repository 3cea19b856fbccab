import { describe, expect, it } from 'vitest'
import { parseRecord } from '../../src/core/record/parseRecord.ts'

const problems = (text: string) => parseRecord(text, { file: 'r.md' }).problems.map(({ line, column, ruleId, severity, message }) => ({ line, column, rule: ruleId, severity, message }))

describe('findUnclosedFences (through parseRecord)', () => {
  it('should report a fence that swallows task items and headings as an error at the fence', () => {
    expect(problems('# T\n\n```bash\n./deploy.sh\n\n## Checks\n\n- [ ] Tests\n- [x] Review\n')).toEqual([
      {
        line: 3,
        column: 1,
        rule: 'unclosed-code-fence',
        severity: 'error',
        message: 'Unexpected unclosed code fence: 2 task items and 1 heading after it are read as code and ignored, expected a closing line of at least 3 backticks',
      },
    ])
  })

  it('should warn about a fence that holds only code, naming its marker and length', () => {
    expect(problems('# T\n\n~~~~\nconfig\n')).toEqual([
      {
        line: 3,
        column: 1,
        rule: 'unclosed-code-fence',
        severity: 'warning',
        message: 'Unexpected unclosed code fence, expected a closing line of at least 4 tildes (the lines after it are read as code)',
      },
    ])
  })

  it('should accept closed fences, longer closing fences, fences in quotes and lists, and indented code', () => {
    const text = '```\na\n```\n\n````\n```\n- [ ] x\n`````\n\n> ```\n> b\n> ```\n\n    ```\n    indented\n\n- item\n\n  ~~~\n  c\n  ~~~\n'
    expect(problems(text)).toEqual([])
  })

  it('should warn about a fence that a list item ends, and still read the items after it', () => {
    const record = parseRecord('- a\n\n  ```\n  x\n- [ ] b\n', { file: 'r.md' })
    expect(record.problems.map((p) => [p.line, p.column, p.severity])).toEqual([[3, 3, 'warning']])
    expect(record.stages[0]?.groups[0]?.items.map((item) => item.text)).toEqual(['b'])
  })
})
