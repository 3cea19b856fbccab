#!/usr/bin/env node
// Runs the compiled shiplog CLI exactly as bin/shiplog.js does (dist/: `npm run bench` builds it
// first), then writes the process's CPU time and peak RSS (all threads, parse workers included)
// as JSON to the file named by SHIPLOG_BENCH_REPORT.
import { writeFileSync } from 'node:fs'

const { main } = await import('../dist/cli/main.js')
const code = await main(process.argv.slice(2))
const report = process.env.SHIPLOG_BENCH_REPORT
if (report) {
  const cpu = process.cpuUsage()
  writeFileSync(report, JSON.stringify({ code, cpuMs: (cpu.user + cpu.system) / 1000, maxRssKb: process.resourceUsage().maxRSS }))
}
process.exitCode = code
