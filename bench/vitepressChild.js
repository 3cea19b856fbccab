// P3's baseline: a bare `vitepress build` of a folder of plain Markdown pages (no shiplog), as
// `vitepress build <root>` runs it. Writes { maxRssKb, cpuMs } as JSON to SHIPLOG_BENCH_REPORT.
import { writeFileSync } from 'node:fs'
import { build } from 'vitepress'

const [root, outDir] = process.argv.slice(2)
if (!root || !outDir) throw new Error('usage: vitepressChild.js <root> <outDir>')
await build(root, { outDir })
const cpu = process.cpuUsage()
if (process.env.SHIPLOG_BENCH_REPORT) {
  writeFileSync(process.env.SHIPLOG_BENCH_REPORT, JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, maxRssKb: process.resourceUsage().maxRSS }))
}
