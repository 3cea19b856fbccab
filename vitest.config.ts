import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Spawned CLI runs and worker threads run the compiled dist/: build it when it is stale.
    globalSetup: ['test/helpers/buildDist.ts'],
    // After every test, kill the child processes it started that still run (test/helpers/children.ts).
    setupFiles: ['test/helpers/afterEachTest.ts'],
    // For tests that run in this process; a test that starts processes, servers or builds gives its own.
    testTimeout: 30_000,
    // Both cores: most slow tests wait on a child process or Chromium, so two files at once finish
    // the suite sooner than one (vitest's default on a 2-core machine), and every slow test gives
    // its own time limit for a busy machine.
    maxWorkers: 2,
    hookTimeout: 120_000,
  },
})
