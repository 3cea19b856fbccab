import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import type { Table, TableCell, TableRow, Text } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { parseRecord } from '../../src/core/record/index.ts'
import { parseManifest, renderTemplate, TemplateError } from '../../src/core/template/index.ts'

const templateFile = 'templates/deployment.md'
const deployment = readFileSync(new URL('../../templates/deployment.md', import.meta.url), 'utf8')

const fullValues = {
  release_name: 'Payments API',
  release_version: '2.4.0',
  component: 'payments-api',
  release_type: 'minor',
  target_environment: 'production',
  scheduled_date: '2026-03-04T14:00:00+01:00',
  owner: 'Team "Core"\nPayments',
  release_coordinator: 'Ana Ruiz',
  business_owner: 'Bo Chen',
  rollback_strategy: 'blue-green',
  date: '2026-03-01',
  changes: [
    { id: 'a1b2c3d', title: 'Fix: "double" charge | refunds', committed_at: '2026-03-02T09:15:00Z', author: 'ana' },
    { id: 'e4f5a6b', title: 'Add <script> guard', committed_at: '2026-03-03T17:40:00+01:00' },
  ],
  risk_1: 'a && b | c',
  risk_1_owner: 'Team "Core"\nPayments',
  users_affected: '<script>alert(1)</script>',
  feature_1: '{{evil}}',
}

function render(source: string, values: { [name: string]: unknown } = {}) {
  return renderTemplate(source, { file: 'test.md', values })
}

function splitFrontmatter(text: string): { yaml: string; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)
  if (!match) throw new Error('expected frontmatter')
  return { yaml: match[1] ?? '', body: match[2] ?? '' }
}

function tableCells(markdown: string): string[][] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown)
  const rows: string[][] = []
  visit(tree, 'table', (table: Table) => {
    for (const row of table.children as TableRow[]) {
      rows.push(
        (row.children as TableCell[]).map((cell) =>
          cell.children.map((child) => ('value' in child ? (child as Text).value : '')).join(''),
        ),
      )
    }
  })
  return rows
}

describe('renderTemplate', () => {
  describe('with the bundled deployment template and every value', () => {
    const { text, missing } = renderTemplate(deployment, { file: templateFile, values: fullValues })
    const { yaml, body } = splitFrontmatter(text)

    it('should drop the manifest and start with the frontmatter', () => {
      expect(text.startsWith('---\ntemplate: deployment\n')).toBe(true)
      expect(text).not.toContain('shiplog:')
    })

    it('should write frontmatter that parses back to the values', () => {
      expect(parseYaml(yaml)).toEqual({
        template: 'deployment',
        release: 'Payments API',
        version: '2.4.0',
        component: 'payments-api',
        release_type: 'minor',
        environment: 'production',
        status: 'planned',
        scheduled: '2026-03-04T14:00:00+01:00',
        owner: 'Team "Core"\nPayments',
        coordinator: 'Ana Ruiz',
        business_owner: 'Bo Chen',
        rollback_strategy: 'blue-green',
        type: 'workflow',
        phase: 'deployment',
        created: '2026-03-01',
        updated: '2026-03-01',
        tags: ['deployment', 'release', 'ci-cd', 'production', 'rollback'],
        changes: [
          { id: 'a1b2c3d', title: 'Fix: "double" charge | refunds', committed_at: '2026-03-02T09:15:00Z' },
          { id: 'e4f5a6b', title: 'Add <script> guard', committed_at: '2026-03-03T17:40:00+01:00' },
        ],
      })
    })

    it('should write the changes as a YAML list without stray blank lines', () => {
      expect(yaml.split('\n').slice(-7)).toEqual([
        'changes:',
        '  - id: "a1b2c3d"',
        '    title: "Fix: \\"double\\" charge | refunds"',
        '    committed_at: "2026-03-02T09:15:00Z"',
        '  - id: "e4f5a6b"',
        '    title: "Add <script> guard"',
        '    committed_at: "2026-03-03T17:40:00+01:00"',
      ])
      expect(yaml).toContain('owner: "Team \\"Core\\"\\nPayments"\n')
    })

    it('should fill the body', () => {
      expect(body).toContain('\n**Release**: Payments API (2.4.0)\n')
      expect(body).toContain('\n- Fix: "double" charge | refunds (a1b2c3d)\n- Add \\<script> guard (e4f5a6b)\n\n')
      expect(body).toContain('export DEPLOY_ENV=production\nexport RELEASE_VERSION=2.4.0\n')
    })

    it('should keep the 80 task items', () => {
      expect(text.split('\n').filter((line) => line.startsWith('- [ ]'))).toHaveLength(80)
    })

    it('should escape a pipe in a table cell and keep `&&`', () => {
      expect(body).toContain('\n| a && b \\| c | {{risk_1_probability}} | {{risk_1_impact}} | {{risk_1_mitigation}} | Team "Core" Payments |\n')
      expect(text).not.toContain('&amp;')
      const risk = tableCells(body).find((row) => row[0] === 'a && b | c')
      expect(risk).toEqual(['a && b | c', '{{risk_1_probability}}', '{{risk_1_impact}}', '{{risk_1_mitigation}}', 'Team "Core" Payments'])
    })

    it('should never write raw HTML from a value', () => {
      expect(body).toContain('- **Users affected**: \\<script>alert(1)\\</script>\n')
      expect(body).not.toMatch(/(?<!\\)<script>/)
    })

    it('should never write a value as an unfilled placeholder', () => {
      expect(body).toContain('\n- \\{\\{evil}}\n')
      expect(text).not.toMatch(/(?<!\\)\{\{evil\}\}/)
    })

    it('should end with exactly one line break', () => {
      expect(text.endsWith('capabilities.*\n')).toBe(true)
    })

    it('should read back through the record parser as written', () => {
      const manifest = parseManifest(deployment, 'deployment').manifest
      if (!manifest) throw new Error('expected a manifest')
      const record = parseRecord(text, { file: 'releases/2.4.0.md', templates: { deployment: manifest } })
      expect(record.problems.filter((problem) => problem.severity === 'error')).toEqual([])
      expect(record.frontmatter.data['owner']).toBe('Team "Core"\nPayments')
      const risks = record.tables.find((table) => table.headers[0] === 'risk')
      expect(risks?.rows[0]?.list.map((cell) => cell.text)).toEqual(['a && b | c', '{{risk_1_probability}}', '{{risk_1_impact}}', '{{risk_1_mitigation}}', 'Team "Core" Payments'])
      expect(record.placeholders.map((placeholder) => placeholder.name)).not.toContain('evil')
      expect(record.stages.flatMap((stage) => stage.groups.flatMap((group) => group.items))).toHaveLength(80)
    })

    it('should list only the variables left as placeholders', () => {
      expect(missing).not.toContain('release_name')
      expect(missing).not.toContain('changes')
      expect(missing).not.toContain('change_1')
      expect(missing.slice(0, 3)).toEqual(['downtime_expected', 'performance_impact', 'data_migration_required'])
      expect(missing).toContain('po_signoff')
    })
  })

  it('should write frontmatter that parses back to any value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (owner, title) => {
        fc.pre(owner.trim() !== '' && title.trim() !== '')
        const values = { owner, changes: [{ id: 'c1', title, committed_at: '2026-03-02T09:15:00Z' }] }
        const { yaml } = splitFrontmatter(renderTemplate(deployment, { file: templateFile, values }).text)
        expect(parseYaml(yaml)).toMatchObject({ owner, changes: [{ id: 'c1', title, committed_at: '2026-03-02T09:15:00Z' }] })
      }),
      { numRuns: 100 },
    )
  }, 120_000)

  describe('with missing values', () => {
    it('should keep every missing value as its placeholder and list it', () => {
      const { text, missing } = renderTemplate(deployment, { file: templateFile, values: {} })
      expect(text).toContain('\nrelease: "{{release_name}}"\n')
      expect(text).toContain('\nchanges: []\n---\n')
      expect(text).toContain('\n**Release**: {{release_name}} ({{release_version}})\n')
      expect(text).toContain('\n- {{change_1}}\n- {{change_2}}\n- {{change_3}}\n')
      expect(text).toContain('\n- [ ] Product Owner: {{po_signoff}}\n')
      expect(missing.slice(0, 18)).toEqual([
        'release_name',
        'release_version',
        'component',
        'release_type',
        'target_environment',
        'scheduled_date',
        'owner',
        'release_coordinator',
        'business_owner',
        'rollback_strategy',
        'date',
        'change_1',
        'change_2',
        'change_3',
        'users_affected',
        'downtime_expected',
        'performance_impact',
        'data_migration_required',
      ])
      expect(new Set(missing).size).toBe(missing.length)
      expect(parseYaml(splitFrontmatter(text).yaml)).toMatchObject({ release: '{{release_name}}', changes: [] })
    })

    it('should treat an empty or blank string as missing', () => {
      const { text, missing } = render('Release: {{name}}, owner: {{owner}}, team: {{team}}', { name: '', owner: '   ', team: 'Core' })
      expect(text).toBe('Release: {{name}}, owner: {{owner}}, team: Core\n')
      expect(missing).toEqual(['name', 'owner'])
    })

    it('should keep a missing value as written, spaces included, without `~`', () => {
      expect(render('a {{ name }} b {{~other~}} c {{{raw}}} ${{ secrets.TOKEN }}').text).toBe('a {{ name }} b{{other}}c {{raw}} ${{ secrets.TOKEN }}\n')
    })

    it('should list required variables even when only a condition reads them', () => {
      const source = '{{!--\nshiplog:\n  variables:\n    urgent: { description: Urgent?, required: true }\n--~}}\n{{#if urgent}}Urgent{{/if}}\n'
      expect(render(source).missing).toEqual(['urgent'])
      expect(render(source, { urgent: 'yes' })).toEqual({ text: 'Urgent\n', missing: [] })
    })

    it('should keep placeholders of item fields without listing them', () => {
      const { text, missing } = render('{{#each changes}}- {{title}} ({{id}})\n{{/each}}', { changes: [{ id: 'abc' }] })
      expect(text).toBe('- {{title}} (abc)\n')
      expect(missing).toEqual([])
    })

    it('should write nothing for a helper call that gives nothing', () => {
      expect(render('[{{lookup this "nothing"}}]').text).toBe('[]\n')
    })
  })

  describe('conditions', () => {
    const training = '{{#if (and (eq impact "high") (eq urgency "high"))}}## Training{{/if}}'

    it('should render a section only when both conditions hold', () => {
      expect(render(training, { impact: 'high', urgency: 'high' }).text).toBe('## Training\n')
      expect(render(training, { impact: 'high', urgency: 'low' }).text).toBe('\n')
      expect(render(training, { impact: 'low', urgency: 'high' }).text).toBe('\n')
      expect(render(training, { urgency: 'high' }).text).toBe('\n')
      expect(render(training, { impact: 'High ', urgency: 'HIGH' }).text).toBe('## Training\n')
    })

    it('should treat missing values as false', () => {
      const source = '{{#if a}}a{{else}}no a{{/if}} {{#if (or a b)}}or{{/if}} {{#if (not a)}}not a{{/if}} {{#if (ne a "x")}}ne{{/if}}'
      expect(render(source).text).toBe('no a  not a ne\n')
      expect(render(source, { a: 'x' }).text).toBe('a or\n')
    })

    it('should not render a list block for an empty list', () => {
      const source = 'changes:{{#unless changes}} []{{/unless}}\n{{#each changes}}\n  - {{id}}\n{{/each}}\nend\n'
      expect(render(source, { changes: [] }).text).toBe('changes: []\nend\n')
      expect(render(source, { changes: [{ id: 'a' }, { id: 'b' }] }).text).toBe('changes:\n  - a\n  - b\nend\n')
    })
  })

  describe('prototype safety', () => {
    it('should not let values pollute prototypes', () => {
      const values = JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}') as {
        [name: string]: unknown
      }
      const { text } = render('{{polluted}} {{__proto__.polluted}} {{constructor.prototype.polluted}}', values)
      expect(({} as { polluted?: unknown }).polluted).toBeUndefined()
      expect(Object.prototype).not.toHaveProperty('polluted')
      expect(text).toBe('{{polluted}} {{__proto__.polluted}} yes\n')
    })

    it('should never reach a function through the template', () => {
      const source = [
        '{{constructor.constructor}}',
        '{{__proto__}}',
        '[{{lookup this "constructor"}}]',
        '{{name.constructor}}',
        '[{{lookup name "constructor"}}]',
        '{{#with name}}{{constructor}}{{/with}}',
        '{{@root.constructor}}',
        '{{toString}}',
        '{{fn}}',
        '{{#each list}}{{constructor}}{{/each}}',
      ].join('\n')
      const { text } = render(source, { name: 'Payments', fn: () => 'called', list: ['a'] })
      expect(text).not.toMatch(/function|native code|called|\[object/)
      expect(text.split('\n')).toEqual([
        '{{constructor.constructor}}',
        '{{__proto__}}',
        '[]',
        '{{name.constructor}}',
        '[]',
        '{{constructor}}',
        '{{@root.constructor}}',
        '{{toString}}',
        '{{fn}}',
        '{{constructor}}',
        '',
      ])
    })

    it('should never run a value as template code', () => {
      const { text } = render('{{a}} | `{{a}}`\n\n```\n{{a}}\n```', { a: '{{b}}', b: 'secret' })
      expect(text).not.toContain('secret')
      expect(text).toBe('\\{\\{b}} | `{{b}}`\n\n```\n{{b}}\n```\n')
    })
  })

  describe('output', () => {
    it('should keep the template line breaks and end with exactly one', () => {
      const source = '{{!--\nshiplog:\n  name: crlf\n--~}}\r\n---\r\nrelease: "{{name}}"\r\n---\r\n\r\n# {{name}}\r\n\r\n\r\n'
      expect(render(source, { name: 'A "b"' }).text).toBe('---\r\nrelease: "A \\"b\\""\r\n---\r\n\r\n# A "b"\r\n')
    })

    it('should drop a byte order mark before the manifest', () => {
      const { text } = render('\uFEFF{{!--\nshiplog:\n  name: bom\n--~}}\n---\nrelease: "{{name}}"\n---\n', { name: 'A' })
      expect(text).toBe('---\nrelease: "A"\n---\n')
    })

    it('should write YAML scalars of every style that parse back to the values', () => {
      const folder = new URL('../fixtures/template/yaml-contexts/', import.meta.url)
      const values = JSON.parse(readFileSync(new URL('values.json', folder), 'utf8')) as { [name: string]: unknown }
      const { text } = render(readFileSync(new URL('template.md', folder), 'utf8'), values)
      expect(parseYaml(splitFrontmatter(text).yaml)).toEqual({
        double: values['text'],
        single: values['text'],
        plain: values['text'],
        number: 3,
        flag: true,
        mid: 'Release Payments today',
        list: ['Payments', 'Payments'],
        missing: '{{nothing}}',
        missing_quoted: '{{nothing}}',
        notes: 'line 1\nline 2\n',
      })
    })

    it('should indent every line of a value in a YAML block scalar', () => {
      const source = '---\nlist:\n  - |\n    {{a}}\n---\n'
      const { text } = render(source, { a: 'one\ntwo: "x"' })
      expect(text).toBe('---\nlist:\n  - |\n    one\n    two: "x"\n---\n')
      expect(parseYaml(splitFrontmatter(text).yaml)).toEqual({ list: ['one\ntwo: "x"\n'] })
    })

    it('should write a value with a line break in a code block on several lines, indented like the template', () => {
      expect(render('- step:\n\n  ```sh\n  {{cmd}}\n  ```', { cmd: 'a &&\nb | c' }).text).toBe('- step:\n\n  ```sh\n  a &&\n  b | c\n  ```\n')
    })

    it('should write lists, numbers, booleans and dates as text', () => {
      const values = { list: ['a', 'b'], count: 0, flag: false, when: new Date('2026-03-04T13:00:00Z') }
      expect(render('{{list}} {{count}} {{flag}} {{when}}', values).text).toBe('a, b 0 false 2026-03-04T13:00:00.000Z\n')
    })

    it('should keep `{{else}}` and block lines from leaving blank lines', () => {
      const source = '# A\n{{#if x}}\nyes\n{{else}}\nno\n{{/if}}\n# B\n'
      expect(render(source).text).toBe('# A\nno\n# B\n')
      expect(render(source, { x: '1' }).text).toBe('# A\nyes\n# B\n')
    })
  })

  describe('errors', () => {
    it('should throw a TemplateError for a syntax error', () => {
      expect(() => render('{{#if x}}')).toThrow(TemplateError)
    })
  })
})
