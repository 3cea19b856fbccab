import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { frontmatterYaml } from '../../src/core/site/frontmatterYaml.ts'
import { pageSource } from '../../src/core/site/pageSource.ts'

describe('frontmatterYaml', () => {
  it('should write record text so that VitePress, Vue and YAML read it as a plain string', () => {
    const title = '<!--@include: ../../secret.txt--> {{ $options }} </script>\nhead: [x] & @'
    const yaml = frontmatterYaml({ title, outline: [2, 3], sidebar: false })
    expect(yaml).not.toMatch(/[<>{}&@]/)
    expect(yaml.split('\n')).toHaveLength(6) // ---, 3 keys, ---, ''
    const data = parse(yaml.replace(/^---\n|---\n$/g, '')) as { title: string; outline: number[]; sidebar: boolean }
    expect(data.outline).toEqual([2, 3])
    expect(data.sidebar).toBe(false)
  })

  it('should hand VitePress every string HTML-escaped, nested ones too, since it writes some of them into pages as they are', () => {
    const hostile = `zz"><img src=x onerror='alert(1)'> {{ x }} & </script>`
    const escaped = 'zz&#34;&#62;&#60;img src=x onerror=&#39;alert(1)&#39;&#62; &#123;&#123; x &#125;&#125; &#38; &#60;/script&#62;'
    const yaml = frontmatterYaml({ title: hostile, description: hostile, tags: [hostile], meta: { [hostile]: hostile } })
    const data = parse(yaml.replace(/^---\n|---\n$/g, '')) as { [key: string]: unknown }
    expect(data).toEqual({ title: escaped, description: escaped, tags: [escaped], meta: { [escaped]: escaped } })
    expect(frontmatterYaml({ title: 'Payments 2.4.0', outline: [2, 3], sidebar: false })).toBe('---\ntitle: "Payments 2.4.0"\noutline: [2, 3]\nsidebar: false\n---\n')
  })

  it('should refuse a key that is not a plain identifier', () => {
    expect(() => frontmatterYaml({ 'head: [x]': 'y' })).toThrow(/Unexpected frontmatter key/)
  })
})

describe('pageSource', () => {
  it('should put shiplog frontmatter, the data imports and the markup, and nothing else', () => {
    const source = pageSource({
      frontmatter: { title: 'Payments 2.4.0' },
      imports: { page: '../../data/releases/payments/2.4.0.json', body: '../../data/bodies/payments/2.4.0.json' },
      markup: '<ShiplogRelease :page="page" />',
    })
    expect(source).toBe(
      [
        '---\ntitle: "Payments 2.4.0"\n---\n',
        "<script setup>\nimport page from '../../data/releases/payments/2.4.0.json'\nimport body from '../../data/bodies/payments/2.4.0.json'\n</script>\n",
        '<ShiplogRelease :page="page" />\n',
      ].join('\n'),
    )
  })

  it('should refuse imports that are not local JSON files', () => {
    const base = { frontmatter: {}, markup: '' }
    expect(() => pageSource({ ...base, imports: { page: "x'); alert(1); ('.json" } })).toThrow(/Unexpected import/)
    expect(() => pageSource({ ...base, imports: { 'a b': './x.json' } })).toThrow(/Unexpected import/)
  })
})
