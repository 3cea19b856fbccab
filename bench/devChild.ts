// P2's child: starts `shiplog dev`'s server (startDevServer, as the CLI does) on a project, then
// saves records one at a time and times each save until the dev server has written the record's
// updated page data. Restores every record it touched. Prints JSON:
// { startupMs, latencies: number[], maxRssKb }.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { findRecordFiles } from '../src/node/fs/findRecordFiles.ts'
import { loadProject } from '../src/node/fs/loadProject.ts'
import { startDevServer, type DevEvent } from '../src/node/site/devServer.ts'
import { releaseRoutes } from '../src/core/site/releaseRoutes.ts'
import { siteDirsOf } from '../src/node/site/siteDirs.ts'

const [root, savesArg] = process.argv.slice(2)
if (!root) throw new Error('usage: devChild.ts <root> [saves]')
const saves = Number(savesArg ?? 6)

const project = await loadProject(root)
let waiting: { file: string; resolve: (at: number) => void } | null = null
const onEvent = (event: DevEvent): void => {
  if (event.type === 'error') process.stderr.write(`dev: ${event.message}\n`)
  // The record's page data is written ahead of the rest of the update ('record'); an update that
  // names the record also means its data is written.
  if (event.type === 'record' && waiting && event.file === waiting.file) waiting.resolve(performance.now())
  if (event.type === 'update' && waiting && event.changed.includes(waiting.file)) waiting.resolve(performance.now())
}
const started = performance.now()
const server = await startDevServer(project, { port: 0, onEvent })
const startupMs = performance.now() - started

const files = findRecordFiles(project.root, project.config.releases).files
const routes = releaseRoutes(files, project.config.releases)
const dataDir = join(siteDirsOf(project).srcDir, 'data/releases')
const latencies: number[] = []
const save = async (file: string, text: string): Promise<void> => {
  const data = join(dataDir, `${routes.get(file)}.json`)
  const before = readFileSync(data, 'utf8')
  const updated = new Promise<number>((resolve) => {
    waiting = { file, resolve }
  })
  const at = performance.now()
  writeFileSync(join(root, file), text)
  // (Unref'd: a pending timer would keep the process alive for two minutes after the last save.)
  const done = await Promise.race([updated, new Promise<number>((_, reject) => setTimeout(() => reject(new Error(`no update for ${file} within 120 s`)), 120_000).unref())])
  waiting = null
  if (readFileSync(data, 'utf8') === before) throw new Error(`the page data of ${file} did not change`)
  latencies.push(done - at)
  await server.settled()
}
try {
  for (let k = 0; k < saves; k++) {
    const file = files[Math.floor(((k + 0.5) * files.length) / saves)] as string
    const original = readFileSync(join(root, file), 'utf8')
    // Tick an open box (or untick a ticked one), then put the record back: two saves.
    const changed = original.includes('- [ ]') ? original.replace('- [ ]', '- [x]') : original.replace('- [x]', '- [ ]')
    try {
      await save(file, changed)
    } finally {
      await save(file, original)
    }
  }
} finally {
  await server.close()
}
process.stdout.write(`${JSON.stringify({ startupMs, latencies, maxRssKb: process.resourceUsage().maxRSS })}\n`)
