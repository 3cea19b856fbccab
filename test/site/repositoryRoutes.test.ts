import { describe, expect, it } from 'vitest'
import { releaseRoutes } from '../../src/core/site/releaseRoutes.ts'
import { groupByComponent } from '../../src/core/site/componentPagesOf.ts'
import type { ReleasePage } from '../../src/shared/pageData.ts'

describe('routes over several repositories', () => {
  it('should keep one project\'s routes as they were', () => {
    expect([...releaseRoutes(['releases/1.0.0.md', 'releases/api/2.0.0.md'], 'releases')]).toEqual([
      ['releases/1.0.0.md', '1.0.0'],
      ['releases/api/2.0.0.md', 'api/2.0.0'],
    ])
  })

  it('should start each route with its repository, each repository\'s own releases folder taken off', () => {
    const dirs = new Map([
      ['payments', 'releases'],
      ['Search App', 'records/prod'],
    ])
    expect([...releaseRoutes(['payments/releases/1.0.0.md', 'Search App/records/prod/1.0.0.md', 'Search App/other/1.0.0.md'], dirs)]).toEqual([
      ['Search App/other/1.0.0.md', 'search-app/other/1.0.0'],
      ['Search App/records/prod/1.0.0.md', 'search-app/1.0.0'],
      ['payments/releases/1.0.0.md', 'payments/1.0.0'],
    ])
  })

  it('should group a component per repository', () => {
    const page = (component: string, repository?: string): ReleasePage =>
      ({ summary: { component, ...(repository === undefined ? {} : { repository }) } }) as unknown as ReleasePage
    expect([...groupByComponent([page('api', 'payments'), page('API', 'payments'), page('api', 'search')]).keys()]).toEqual(['payments/api', 'search/api'])
    expect([...groupByComponent([page('api'), page('API')]).keys()]).toEqual(['api'])
  })
})
