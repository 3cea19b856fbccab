#!/usr/bin/env node
// Entry point: runs the compiled CLI (dist/, built by `npm run build`; `npm ci`, `npm pack` and an
// install from git build it). Plain JavaScript for Node alone: no TypeScript loader at run time.
import { existsSync } from 'node:fs'

// A reader that stops early (`shiplog metrics --json | head -c 10`) closes the pipe: that is the
// reader's choice, not an error, so shiplog stops quietly instead of printing a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw error
  })
}

// In a clone (the sources beside dist/), never run compiled code older than the sources.
if (existsSync(new URL('../scripts/buildState.js', import.meta.url)) && existsSync(new URL('../src/', import.meta.url))) {
  const { buildProblem } = await import('../scripts/buildState.js')
  const problem = await buildProblem()
  if (problem !== null) {
    process.stderr.write(`shiplog: ${problem}: run \`npm run build\` first\n`)
    process.exit(2)
  }
}

const { main } = await import('../dist/cli/main.js')
process.exitCode = await main(process.argv.slice(2))
