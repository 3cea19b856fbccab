import { foldLines } from 'ical-generator'
import { describe, expect, it } from 'vitest'
import { foldIcsLines } from '../../src/core/feed/foldIcsLines.ts'

/** mulberry32: the same strings on every run. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('foldIcsLines', () => {
  it('should leave lines of up to 74 octets as they are', () => {
    expect(foldIcsLines(`SUMMARY:${'a'.repeat(66)}\r\nEND:VEVENT`)).toBe(`SUMMARY:${'a'.repeat(66)}\r\nEND:VEVENT`)
    expect(foldIcsLines('')).toBe('')
  })

  it('should fold a longer line before the character that would pass 74 octets', () => {
    // 80 ASCII characters: 74, then a continuation line of 6 after its space.
    expect(foldIcsLines('a'.repeat(80))).toBe(`${'a'.repeat(74)}\r\n ${'a'.repeat(6)}`)
    // `é` is 2 octets: 37 of them make 74; the 38th starts the next line.
    expect(foldIcsLines('é'.repeat(40))).toBe(`${'é'.repeat(37)}\r\n ${'é'.repeat(3)}`)
    // An emoji (a surrogate pair, 4 octets) is never cut in two: 72 + 4 > 74.
    expect(foldIcsLines(`${'a'.repeat(72)}😀b`)).toBe(`${'a'.repeat(72)}\r\n 😀b`)
    // Each line of the text is folded on its own.
    expect(foldIcsLines(`${'a'.repeat(75)}\r\n${'b'.repeat(75)}`)).toBe(`${'a'.repeat(74)}\r\n a\r\n${'b'.repeat(74)}\r\n b`)
  })

  it('should fold exactly as ical-generator does, lone surrogates included', () => {
    const next = random(1)
    const pieces = ['a', ' ', ';', 'é', '中', '😀', '\ud83d', '\ude00', '\r\n']
    for (let round = 0; round < 500; round++) {
      let text = ''
      const length = Math.floor(next() * 400)
      for (let k = 0; k < length; k++) text += pieces[Math.floor(next() * pieces.length)]
      expect(foldIcsLines(text)).toBe(foldLines(text))
    }
  })
})
