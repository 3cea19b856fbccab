import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Spawned CLI runs and worker threads run the compiled dist/: build it when it is stale.
    globalSetup: ['test/helpers/buildDist.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
})
