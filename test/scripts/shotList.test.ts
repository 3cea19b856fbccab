import { describe, expect, it } from 'vitest'
import type { PickedPages } from '../../scripts/screenshots/pickPages.ts'
import { shotFileName, shotList } from '../../scripts/screenshots/shotList.ts'

const PAGES: PickedPages = {
  inFlight: { href: '/releases/web/2.9.html', status: 'in-progress', component: 'web' },
  finished: { href: '/releases/api/1.0.html', status: 'closed', component: 'api' },
  component: { href: '/components/web.html', name: 'web' },
  search: 'web',
}

describe('shotFileName', () => {
  it('should name a file by page, screen and mode', () => {
    expect(shotFileName('home', 'desktop', false)).toBe('home-desktop.png')
    expect(shotFileName('release-in-flight', 'mobile', true)).toBe('release-in-flight-mobile-dark.png')
    expect(shotFileName('404', 'mobile', false)).toBe('404-mobile.png')
  })
})

describe('shotList', () => {
  const shots = shotList(PAGES)

  it('should show nine page types on both screens in light mode, and Home and the in-flight release in dark mode too', () => {
    expect(shots.map((shot) => shot.file)).toEqual([
      'home-desktop.png',
      'home-mobile.png',
      'release-in-flight-desktop.png',
      'release-in-flight-mobile.png',
      'release-finished-desktop.png',
      'release-finished-mobile.png',
      'component-desktop.png',
      'component-mobile.png',
      'components-desktop.png',
      'components-mobile.png',
      'metrics-desktop.png',
      'metrics-mobile.png',
      'open-items-desktop.png',
      'open-items-mobile.png',
      'search-desktop.png',
      'search-mobile.png',
      '404-desktop.png',
      '404-mobile.png',
      'home-desktop-dark.png',
      'home-mobile-dark.png',
      'release-in-flight-desktop-dark.png',
      'release-in-flight-mobile-dark.png',
    ])
  })

  it('should open each page type at its address, and type the picked word only in the search shot', () => {
    const byFile = new Map(shots.map((shot) => [shot.file, shot]))
    expect(byFile.get('release-in-flight-mobile-dark.png')).toEqual({ page: 'release-in-flight', viewport: 'mobile', dark: true, path: '/releases/web/2.9.html', file: 'release-in-flight-mobile-dark.png' })
    expect(byFile.get('release-finished-desktop.png')?.path).toBe('/releases/api/1.0.html')
    expect(byFile.get('component-desktop.png')?.path).toBe('/components/web.html')
    expect(byFile.get('components-mobile.png')?.path).toBe('/components/')
    expect(byFile.get('open-items-desktop.png')?.path).toBe('/open-items.html')
    expect(byFile.get('404-desktop.png')?.path).toBe('/no-such-page.html')
    expect(byFile.get('search-mobile.png')).toEqual({ page: 'search', viewport: 'mobile', dark: false, path: '/', search: 'web', file: 'search-mobile.png' })
    expect(shots.filter((shot) => shot.search !== undefined).map((shot) => shot.file)).toEqual(['search-desktop.png', 'search-mobile.png'])
  })
})
