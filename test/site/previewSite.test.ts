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
    expect(await get('/releases/')).toEqual([200, 'home', 'text/html; charset=utf-8'])
    expect((await get('/releases/metrics'))[1]).toBe('metrics')
    expect((await get('/releases/metrics.html'))[1]).toBe('metrics')
    expect((await get('/releases/components/'))[1]).toBe('components')
    expect(await get('/releases/assets/app.js')).toEqual([200, 'js', 'text/javascript; charset=utf-8'])
  })

  it('should answer the 404 page for anything else, and never leave the folder', async () => {
    expect(await get('/releases/nope.html')).toEqual([404, 'missing', 'text/html; charset=utf-8'])
    expect((await get('/releases/..%2fsecret.txt'))[0]).toBe(404)
    expect((await get('/releases/%2e%2e/secret.txt'))[1]).not.toBe('secret')
    expect((await get('/other'))[0]).toBe(302)
  })

  it('should not follow a link inside the folder to a file outside it, and follow one that stays inside', async () => {
    expect(await get('/releases/leak')).toEqual([404, 'missing', 'text/html; charset=utf-8'])
    expect(await get('/releases/leak.html')).toEqual([404, 'missing', 'text/html; charset=utf-8'])
    expect((await get('/releases/assets/leak.js'))[0]).toBe(404)
    expect(await get('/releases/stats')).toEqual([200, 'metrics', 'text/html; charset=utf-8'])
  })
})
