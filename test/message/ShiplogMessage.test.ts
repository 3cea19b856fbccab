import { VFileMessage } from 'vfile-message'
import { describe, expect, it } from 'vitest'
import { ShiplogError } from '../../src/core/errors.ts'
import { formatMessage } from '../../src/core/message/formatMessage.ts'
import { messageAt } from '../../src/core/message/messageAt.ts'
import { ShiplogMessage } from '../../src/core/message/ShiplogMessage.ts'

describe('ShiplogMessage', () => {
  it('should be a VFileMessage with the file, place, rule, source and expected/actual it is given', () => {
    const message = new ShiplogMessage('Unexpected `ready`, expected `approved`', {
      file: 'releases/2.4.0.md',
      place: { line: 3, column: 9 },
      ruleId: 'frontmatter-schema',
      source: 'shiplog-check',
      severity: 'warning',
      actual: 'ready',
      expected: ['approved'],
      url: 'https://example.com/docs/check#frontmatter-schema',
    })
    expect(message).toBeInstanceOf(VFileMessage)
    expect(message).toBeInstanceOf(Error)
    expect(message.reason).toBe('Unexpected `ready`, expected `approved`')
    // Not thrown: vfile's rule holds, the message is the reason.
    expect(message.message).toBe(message.reason)
    expect([message.file, message.line, message.column]).toEqual(['releases/2.4.0.md', 3, 9])
    expect(message.place).toEqual({ line: 3, column: 9 })
    expect(message.name).toBe('3:9')
    expect([message.ruleId, message.source]).toEqual(['frontmatter-schema', 'shiplog-check'])
    expect([message.actual, message.expected, message.url]).toEqual(['ready', ['approved'], 'https://example.com/docs/check#frontmatter-schema'])
  })

  it('should keep the severity in vfile\'s fatal: error true, warning false, info undefined', () => {
    const at = (severity?: 'error' | 'warning' | 'info') => new ShiplogMessage('x', severity === undefined ? {} : { severity })
    expect([at('error').fatal, at('warning').fatal, at('info').fatal]).toEqual([true, false, undefined])
    expect([at('error').severity, at('warning').severity, at('info').severity]).toEqual(['error', 'warning', 'info'])
    // Default: an error.
    expect(at().severity).toBe('error')
    const message = at('error')
    message.severity = 'warning'
    expect(message.fatal).toBe(false)
    message.fatal = undefined
    expect(message.severity).toBe('info')
  })

  it('should have no place and no file unless given', () => {
    const message = new ShiplogMessage('Unexpected nothing, expected something')
    expect([message.file, message.line, message.column, message.place, message.ruleId]).toEqual(['', undefined, undefined, undefined, undefined])
    expect(formatMessage(message)).toBe('Unexpected nothing, expected something')
  })

  it('should serialize to the keys of FORMAT.md §6, in order, and read them back', () => {
    const message = messageAt('Unexpected open item `Backups`, expected it checked', {
      file: 'releases/2.4.0.md',
      place: { line: 12, column: 1 },
      ruleId: 'status-gate',
      source: 'shiplog-check',
    })
    const text = '{"file":"releases/2.4.0.md","line":12,"column":1,"rule":"status-gate","severity":"error","message":"Unexpected open item `Backups`, expected it checked"}'
    expect(JSON.stringify(message)).toBe(text)
    expect(Object.keys(message.toJSON())).toEqual(['file', 'line', 'column', 'rule', 'severity', 'message'])
    const back = ShiplogMessage.fromJSON(JSON.parse(text))
    expect(back).toBeInstanceOf(ShiplogMessage)
    expect(JSON.stringify(back)).toBe(text)
    expect([back.line, back.column, back.ruleId, back.fatal]).toEqual([12, 1, 'status-gate', true])
  })

  it('should print as file:line:column: reason', () => {
    const message = messageAt('Unexpected tab, expected spaces', { file: 'releases/a.md', place: { line: 2, column: 7 }, ruleId: 'frontmatter-yaml' })
    expect(formatMessage(message)).toBe('releases/a.md:2:7: Unexpected tab, expected spaces')
    expect(formatMessage(new ShiplogMessage('Unexpected folder, expected a file', { file: 'shiplog.config.json' }))).toBe(
      'shiplog.config.json: Unexpected folder, expected a file',
    )
  })
})

describe('ShiplogError', () => {
  it('should be a message of severity error whose message carries its place, with an exit code and a stack', () => {
    const error = new ShiplogError('Unexpected `}`, expected a value', 2, { file: 'templates/a.md', place: { line: 4, column: 12 } })
    expect(error).toBeInstanceOf(ShiplogMessage)
    expect(error.severity).toBe('error')
    expect(error.exitCode).toBe(2)
    expect(error.name).toBe('ShiplogError')
    expect(error.reason).toBe('Unexpected `}`, expected a value')
    expect(error.message).toBe('templates/a.md:4:12: Unexpected `}`, expected a value')
    expect(error.stack).toMatch(/ShiplogMessage\.test\.ts/)
  })

  it('should keep a message without a place as it is, with exit code 1 by default', () => {
    const error = new ShiplogError('Cancelled')
    expect([error.message, error.exitCode, error.file, error.line]).toEqual(['Cancelled', 1, '', undefined])
  })
})
