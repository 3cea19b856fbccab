/** A tiny, strict XML 1.0 reader for tests: elements, attributes, text, the five entities and numeric references. */
export interface XmlElement {
  name: string
  attributes: { [name: string]: string }
  children: Array<XmlElement | string>
}

const NAME = /[A-Za-z_][\w.-]*/y
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/

function decode(text: string): string {
  if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text)) throw new Error(`bare & in ${JSON.stringify(text)}`)
  if (text.includes('<')) throw new Error('< in text or attribute')
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16))
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)))
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[entity] as string
  })
}

/** Parses a document with one root element; throws on anything not well-formed. */
export function parseXml(source: string): XmlElement {
  if (FORBIDDEN.test(source)) throw new Error('character not allowed in XML')
  let at = 0
  const declaration = /^<\?xml[^?]*\?>\s*/.exec(source)
  if (declaration) at = declaration[0].length
  const readName = (): string => {
    NAME.lastIndex = at
    const match = NAME.exec(source)
    if (!match) throw new Error(`expected a name at ${at}`)
    at += match[0].length
    return match[0]
  }
  const skipSpace = (): void => {
    while (/\s/.test(source.charAt(at))) at++
  }
  const readElement = (): XmlElement => {
    if (source[at] !== '<') throw new Error(`expected < at ${at}`)
    at++
    const element: XmlElement = { name: readName(), attributes: {}, children: [] }
    for (;;) {
      skipSpace()
      if (source.startsWith('/>', at)) {
        at += 2
        return element
      }
      if (source[at] === '>') {
        at++
        break
      }
      const name = readName()
      if (name in element.attributes) throw new Error(`duplicate attribute ${name}`)
      if (source[at] !== '=' || source[at + 1] !== '"') throw new Error(`expected ="…" after ${name} at ${at}`)
      const end = source.indexOf('"', at + 2)
      if (end === -1) throw new Error('unclosed attribute')
      element.attributes[name] = decode(source.slice(at + 2, end))
      at = end + 1
    }
    for (;;) {
      if (at >= source.length) throw new Error(`unclosed <${element.name}>`)
      if (source.startsWith('</', at)) {
        at += 2
        const name = readName()
        if (name !== element.name) throw new Error(`</${name}> closes <${element.name}>`)
        skipSpace()
        if (source[at] !== '>') throw new Error('expected >')
        at++
        return element
      }
      if (source[at] === '<') {
        element.children.push(readElement())
        continue
      }
      const next = source.indexOf('<', at)
      const text = source.slice(at, next === -1 ? source.length : next)
      if (text.includes('>') && text.includes(']]>')) throw new Error(']]> in text')
      element.children.push(decode(text))
      at = next === -1 ? source.length : next
    }
  }
  const root = readElement()
  if (source.slice(at).trim() !== '') throw new Error('content after the root element')
  return root
}

/** Child elements named `name`. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== 'string' && child.name === name)
}

/** The text content of an element. */
export function textOf(element: XmlElement): string {
  return element.children.map((child) => (typeof child === 'string' ? child : textOf(child))).join('')
}
