import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ShiplogError } from '../../src/core/errors.ts'
import { CI_WORKFLOW } from '../../src/core/init/ciWorkflow.ts'
import { formatInitReport } from '../../src/core/init/formatInitReport.ts'
import { planInit, webUrl, type PlanInitOptions } from '../../src/core/init/planInit.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const BUNDLED = new Map([
  ['deployment', '{{!-- deployment --}}\n'],
  ['itil', '{{!-- itil --}}\n'],
  ['stage-gate', '{{!-- stage-gate --}}\n'],
])
const EMPTY: PlanInitOptions = { bundled: BUNDLED, folderName: 'payments', configFile: null, packageJson: null, gitignore: null }

describe('planInit', () => {
  it('should plan a JSON configuration, the default template, a releases README, the CI workflow and a .gitignore', () => {
    const plan = planInit(EMPTY)
    expect(plan.files.map((file) => file.path)).toEqual([
      'shiplog.config.json',
      'templates/deployment.md',
      'releases/README.md',
      '.github/workflows/shiplog.yml',
      '.gitignore',
    ])
    expect(JSON.parse(plan.files[0]?.content ?? '')).toEqual({
      releases: 'releases',
      fileName: '{version}.md',
      template: 'deployment',
      templates: 'templates',
      site: { title: 'payments releases' },
    })
    expect(plan.files[1]?.content).toBe('{{!-- deployment --}}\n')
    expect(plan.files[2]?.content).toContain('shiplog ignores this README')
    expect(plan.files[3]?.content).toBe(CI_WORKFLOW)
    expect(plan.files[4]?.content).toBe("# shiplog's work folder and the built site\n.shiplog/\ndist/\n")
    expect(plan.defaultTemplate).toBe('deployment')
    // The three ways to install shiplog, the commands padded to the longest (61 characters); no version given, so `<version>`.
    expect(plan.notes).toEqual([
      [
        'There is no package.json: the CI workflow runs `npm ci` and `npx shiplog`, so add one (npm init -y) with shiplog as a devDependency, one of these ways, or edit the workflow:',
        '  npm install --save-dev git+https://<host>/<owner>/shiplog.git  # from its git repository (npm builds it)',
        '  npm install --save-dev ./shiplog-<version>.tgz                 # from a tarball: `npm pack` in a clone of shiplog',
        '  npm install --save-dev shiplog                                 # from the npm registry, once shiplog is published there',
      ].join('\n'),
    ])
  })

  it('should write a TypeScript configuration with defineConfig, the first template as the default', () => {
    const plan = planInit({ ...EMPTY, ts: true, templates: ['itil', 'stage-gate', 'itil'], packageJson: '{"name":"@acme/crm","repository":{"type":"git","url":"git+https://github.com/acme/crm.git"},"devDependencies":{"shiplog":"^0.1.0"}}' })
    expect(plan.files.map((file) => file.path)).toEqual([
      'shiplog.config.ts',
      'templates/itil.md',
      'templates/stage-gate.md',
      'releases/README.md',
      '.github/workflows/shiplog.yml',
      '.gitignore',
    ])
    expect(plan.files[0]?.content).toBe(
      [
        "import { defineConfig } from 'shiplog'",
        '',
        'export default defineConfig({',
        "  releases: 'releases',",
        "  fileName: '{version}.md',",
        "  template: 'itil',",
        "  templates: 'templates',",
        "  site: { title: 'crm releases', repoUrl: 'https://github.com/acme/crm' },",
        '})',
        '',
      ].join('\n'),
    )
    expect(plan.notes).toEqual([])
  })

  it('should keep an existing configuration of any kind, and suggest only the .gitignore lines it lacks', () => {
    const plan = planInit({ ...EMPTY, configFile: 'shiplog.config.ts', gitignore: 'node_modules\n/dist\n', packageJson: '{"name":"x"}', shiplogVersion: '0.1.0' })
    expect(plan.files.map((file) => file.path)).toEqual(['templates/deployment.md', 'releases/README.md', '.github/workflows/shiplog.yml'])
    expect(plan.keptConfig).toBe('shiplog.config.ts')
    expect(plan.gitignore).toEqual(['.shiplog/'])
    expect(plan.notes).toEqual([
      [
        'Add shiplog to the project so CI can run it (the workflow runs `npm ci` and `npx shiplog`), one of these ways:',
        '  npm install --save-dev git+https://<host>/<owner>/shiplog.git  # from its git repository (npm builds it)',
        '  npm install --save-dev ./shiplog-0.1.0.tgz                     # from a tarball: `npm pack` in a clone of shiplog',
        '  npm install --save-dev shiplog                                 # from the npm registry, once shiplog is published there',
      ].join('\n'),
    ])
  })

  it('should refuse an unknown template with a usage error naming the bundled ones', () => {
    expect(() => planInit({ ...EMPTY, templates: ['itil', 'kanban'] })).toThrow(ShiplogError)
    expect(() => planInit({ ...EMPTY, templates: ['kanban'] })).toThrow('Unknown template "kanban": expected one of deployment, itil, stage-gate')
    try {
      planInit({ ...EMPTY, templates: ['kanban'] })
    } catch (error) {
      expect((error as ShiplogError).exitCode).toBe(2)
    }
  })
})

describe('webUrl', () => {
  it.each([
    ['github:acme/api', 'https://github.com/acme/api'],
    ['acme/api', 'https://github.com/acme/api'],
    ['gitlab:acme/api', 'https://gitlab.com/acme/api'],
    ['git+https://github.com/acme/api.git', 'https://github.com/acme/api'],
    ['git@github.com:acme/api.git', 'https://github.com/acme/api'],
    ['https://git.example.com/platform/api', 'https://git.example.com/platform/api'],
  ])('should read %s as %s', (repository, url) => {
    expect(webUrl(repository)).toBe(url)
  })

  it('should give up on what is not a repository address', () => {
    expect(webUrl('not a url')).toBeNull()
  })
})

describe('CI_WORKFLOW', () => {
  it('should be the example of docs/ci/github-actions.yml without its "Copy to" line', () => {
    const docs = readFileSync(join(ROOT, 'docs/ci/github-actions.yml'), 'utf8')
    expect(CI_WORKFLOW).toBe(docs.replace('# Copy to .github/workflows/shiplog.yml.\n', ''))
    expect(CI_WORKFLOW).toContain('- uses: ./node_modules/shiplog\n')
  })
})

describe('formatInitReport', () => {
  it('should list what was created and kept, then the scripts, .gitignore lines and notes to act on', () => {
    const plan = planInit({ ...EMPTY, configFile: 'shiplog.config.json', gitignore: 'node_modules\n', packageJson: '{"devDependencies":{"shiplog":"1"}}' })
    const report = formatInitReport(plan, [
      { path: 'templates/deployment.md', outcome: 'created', purpose: 'template' },
      { path: 'releases/README.md', outcome: 'kept', purpose: 'the release records folder (its README is not read as a record)' },
      { path: '.github/workflows/shiplog.yml', outcome: 'created', purpose: 'CI: shiplog check on pull requests and main' },
    ])
    // the widest path is `.github/workflows/shiplog.yml` (29 characters)
    expect(report).toBe(
      [
        'shiplog init: 2 files created, 2 kept',
        '  kept     shiplog.config.json            already there, left as it was',
        '  created  templates/deployment.md        template',
        '  kept     releases/README.md             already there, left as it was',
        '  created  .github/workflows/shiplog.yml  CI: shiplog check on pull requests and main',
        '',
        'Scripts you may add to package.json (shiplog does not edit it):',
        '  "scripts": {',
        '    "releases:new": "shiplog new",',
        '    "releases:status": "shiplog status",',
        '    "releases:check": "shiplog check",',
        '    "releases:metrics": "shiplog metrics",',
        '    "releases:site": "shiplog build"',
        '  }',
        '',
        'Lines to add to .gitignore (shiplog does not edit it):',
        '  .shiplog/',
        '  dist/',
        '',
        'Next:',
        '  npx shiplog new 1.0.0          # a record from the configured template',
        '  npx shiplog check              # what CI runs',
        '  npx shiplog check --templates  # after editing a template',
        '',
      ].join('\n'),
    )
  })
})
