import { loadProject } from '../../src/node/fs/loadProject.ts'
import { readSiteRecords } from '../../src/node/site/readSiteRecords.ts'
import { createBodyCache } from '../../src/node/cache/bodyCache.ts'
import { siteDirsOf } from '../../src/node/site/siteDirs.ts'
import { planSite } from '../../src/core/site/planSite.ts'
import { siteSettingsOf } from '../../src/core/site/siteSettingsOf.ts'
const root = process.argv[2]!
const mb = (n: number) => (n / 1048576).toFixed(0)
const mem = (label: string) => { globalThis.gc?.(); const m = process.memoryUsage(); console.log(label.padEnd(30), 'rss', mb(m.rss), 'heap', mb(m.heapUsed), 'ext', mb(m.external), 'ab', mb(m.arrayBuffers)) }
mem('start')
const project = await loadProject(root)
const dirs = siteDirsOf(project)
const t = performance.now()
const read = await readSiteRecords(project, createBodyCache(dirs.bodyCacheDir))
console.log('read s', ((performance.now() - t) / 1000).toFixed(1))
mem('after read')
let bodyChars = 0; for (const r of read.records) bodyChars += r.bodyHtml?.length ?? 0
console.log('body MB', mb(bodyChars))
const plan = planSite(read.records, { settings: siteSettingsOf(project.config, dirs), releasesDir: project.config.releases, dailyDeployDays: project.config.metrics.dailyDeployDays, repo: null, targets: project.config.targets, timeZone: project.config.timezone, lastUpdated: new Map(), siteUrl: project.config.site.url } as any)
mem('after plan')
let chars = 0; const byKind = new Map<string, number>(); for (const [p, c] of plan) { chars += c.length; const k = p.split('/').slice(0, 2).join('/'); byKind.set(k, (byKind.get(k) ?? 0) + c.length) }
console.log('plan files', plan.size, 'MB', mb(chars)); for (const [k, v] of [...byKind].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log('  ', k, mb(v))
