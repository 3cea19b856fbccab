// The floor: the bare `unified().use(remarkParse).use(remarkGfm).parse` of every record of a
// corpus, in one process. Prints { ms, cpuMs, records, bytes, maxRssKb } as JSON (ms and cpuMs:
// reading + parsing, not the process start).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'

const [root, list] = process.argv.slice(2)
if (!root || !list) throw new Error('usage: floor.ts <root> <files.json>')
const files = JSON.parse(readFileSync(list, 'utf8')) as string[]
const processor = unified().use(remarkParse).use(remarkGfm)
let bytes = 0
const start = performance.now()
const cpuStart = process.cpuUsage()
for (const file of files) {
  const text = readFileSync(join(root, file), 'utf8')
  bytes += text.length
  processor.parse(text)
}
const ms = performance.now() - start
const cpu = process.cpuUsage(cpuStart)
process.stdout.write(`${JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, records: files.length, bytes, maxRssKb: process.resourceUsage().maxRSS })}\n`)
