import { describe, expect, it } from 'vitest'
import { pickPages, type ListedComponent, type ListedRelease } from '../../scripts/screenshots/pickPages.ts'

// Home lists releases newest first; the screenshots show one release on its way and one that is over.

const release = (href: string, status: string | null, component: string | null = 'api'): ListedRelease => ({ href, status, component })
const COMPONENTS: ListedComponent[] = [
  { href: '/components/api.html', name: 'api' },
  { href: '/components/web.html', name: 'web' },
]

describe('pickPages', () => {
  it('should take the newest in-progress release and the newest closed one, and the in-flight release’s component', () => {
    const releases = [
      release('/releases/web/3.0.html', 'planned', 'web'),
      release('/releases/web/2.9.html', 'in-progress', 'web'),
      release('/releases/api/1.2.html', 'in-progress'),
      release('/releases/api/1.1.html', 'failed'),
      release('/releases/api/1.0.html', 'closed'),
      release('/releases/web/2.8.html', 'closed', 'web'),
    ]
    expect(pickPages(releases, COMPONENTS)).toEqual({
      inFlight: releases[1],
      finished: releases[4],
      component: COMPONENTS[1],
      search: 'web',
    })
  })

  it('should fall back along the lifecycle: deployed before planned, rolled-back when nothing closed', () => {
    const releases = [release('/r/4.html', 'planned'), release('/r/3.html', 'deployed'), release('/r/2.html', 'cancelled'), release('/r/1.html', 'rolled-back')]
    const picked = pickPages(releases, COMPONENTS)
    expect(picked.inFlight.href).toBe('/r/3.html')
    expect(picked.finished.href).toBe('/r/1.html')
  })

  it('should take the first component when the in-flight release names none that is listed', () => {
    const picked = pickPages([release('/r/2.html', 'approved', null), release('/r/1.html', 'closed')], COMPONENTS)
    expect(picked.component).toEqual(COMPONENTS[0])
    expect(picked.search).toBe('api')
  })

  it('should say what the site lacks when it has no release of a kind or no component', () => {
    expect(() => pickPages([release('/r/1.html', 'closed'), release('/r/0.html', null)], COMPONENTS)).toThrow(
      'the site lists no in-flight release (status in-progress, deployed, verified, approved, planned) on Home: the screenshots need one',
    )
    expect(() => pickPages([release('/r/1.html', 'verified')], COMPONENTS)).toThrow('the site lists no finished release (status closed, rolled-back, failed, cancelled)')
    expect(() => pickPages([release('/r/2.html', 'verified'), release('/r/1.html', 'closed')], [])).toThrow('the site lists no component on its Components page')
  })
})
