import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { previewSite, type PreviewServer } from '../../src/node/site/previewSite.ts'

let dir: string
let server: PreviewServer

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shiplog-preview-'))
  mkdirSync(join(dir, 'site/components'), { recursive: true })
  mkdirSync(join(dir, 'site/assets'), { recursive: true })
  writeFileSync(join(dir, 'site/index.html'), 'home')
  writeFileSync(join(dir, 'site/components/index.html'), 'components')
  writeFileSync(join(dir, 'site/metrics.html'), 'metrics')
  writeFileSync(join(dir, 'site/assets/app.js'), 'js')
  writeFileSync(join(dir, 'site/404.html'), 'missing')
  writeFileSync(join(dir, 'site/components.html'), 'not the components index')
  writeFileSync(join(dir, 'site/assets/photo.webp'), 'RIFF....WEBP')
  writeFileSync(join(dir, 'site/assets/font.woff'), 'wOFF')
  writeFileSync(join(dir, 'site/assets/app.js.map'), '{"version":3}')
  writeFileSync(join(dir, 'secret.txt'), 'secret')
  symlinkSync('../secret.txt', join(dir, 'site/leak.html'))
  symlinkSync(join(dir, 'secret.txt'), join(dir, 'site/assets/leak.js'))
  symlinkSync('metrics.html', join(dir, 'site/stats.html'))
  server = await previewSite(join(dir, 'site'), { port: 0, base: '/releases/' })
})
afterAll(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

const get = async (path: string): Promise<[number, string, string | null]> => {
  const response = await fetch(new URL(path, server.url.replace(/\/releases\/$/, '/')), { redirect: 'manual' })
  return [response.status, await response.text(), response.headers.get('content-type')]
}

describe('previewSite', () => {
  it('should serve pages under the base like a static host', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/releases\/$/)
    expect(await get('/releases/')).toEqual([200, 'home', 'text/html;charset=utf-8'])
    expect((await get('/releases/metrics'))[1]).toBe('metrics')
    expect((await get('/releases/metrics.html'))[1]).toBe('metrics')
    expect((await get('/releases/components/'))[1]).toBe('components')
    expect(await get('/releases/assets/app.js')).toEqual([200, 'js', 'text/javascript'])
  })

  it('should answer the 404 page for anything else, and never leave the folder', async () => {
    expect(await get('/releases/nope.html')).toEqual([404, 'missing', 'text/html;charset=utf-8'])
    expect((await get('/releases/..%2fsecret.txt'))[0]).toBe(404)
    expect((await get('/releases/%2e%2e/secret.txt'))[1]).not.toBe('secret')
    expect((await get('/other'))[0]).toBe(302)
  })

  it('should not follow a link inside the folder to a file outside it, and follow one that stays inside', async () => {
    expect(await get('/releases/leak')).toEqual([404, 'missing', 'text/html;charset=utf-8'])
    expect(await get('/releases/leak.html')).toEqual([404, 'missing', 'text/html;charset=utf-8'])
    expect((await get('/releases/assets/leak.js'))[0]).toBe(404)
    expect(await get('/releases/stats')).toEqual([200, 'metrics', 'text/html;charset=utf-8'])
  })
})

describe('previewSite, sending a file', () => {
  const at = (path: string): string => new URL(path, server.url.replace(/\/releases\/$/, '/')).href

  it('should give every file its content type, those a project theme may add too', async () => {
    expect((await fetch(at('/releases/assets/photo.webp'))).headers.get('content-type')).toBe('image/webp')
    expect((await fetch(at('/releases/assets/font.woff'))).headers.get('content-type')).toBe('font/woff')
    expect((await fetch(at('/releases/assets/app.js.map'))).headers.get('content-type')).toBe('application/json')
  })

  it('should serve dir/index.html for /dir/, never dir.html', async () => {
    expect(await (await fetch(at('/releases/components/'))).text()).toBe('components')
  })

  it('should let assets be cached for good and pages be checked each time, and never sniff types', async () => {
    const asset = await fetch(at('/releases/assets/app.js'))
    expect([asset.headers.get('cache-control'), asset.headers.get('x-content-type-options')]).toEqual(['public, max-age=31536000, immutable', 'nosniff'])
    const page = await fetch(at('/releases/metrics'))
    expect([page.headers.get('cache-control'), page.headers.get('x-content-type-options')]).toEqual(['no-cache', 'nosniff'])
  })

  it('should answer a request for a page the browser holds with 304 Not Modified', async () => {
    const first = await fetch(at('/releases/metrics.html'))
    const etag = first.headers.get('etag')
    expect(etag).toMatch(/^W\/"7-\d+"$/)
    const again = await fetch(at('/releases/metrics.html'), { headers: { 'if-none-match': etag ?? '' } })
    expect([again.status, await again.text()]).toEqual([304, ''])
  })

  it('should send part of a file when asked for a range, and headers alone for HEAD', async () => {
    // metrics.html holds "metrics": bytes 1 to 3 are "etr".
    const part = await fetch(at('/releases/metrics.html'), { headers: { range: 'bytes=1-3' } })
    expect([part.status, part.headers.get('content-range'), await part.text()]).toEqual([206, 'bytes 1-3/7', 'etr'])
    const head = await fetch(at('/releases/metrics'), { method: 'HEAD' })
    expect([head.status, head.headers.get('content-type'), await head.text()]).toEqual([200, 'text/html;charset=utf-8', ''])
    const missing = await fetch(at('/releases/nope'), { method: 'HEAD' })
    expect([missing.status, await missing.text()]).toEqual([404, ''])
  })
})
