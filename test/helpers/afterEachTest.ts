import { afterEach } from 'vitest'
import { killChildren } from './children.ts'

// Set up for every test file (vitest.config.ts `setupFiles`): no child process outlives its test.
afterEach(() => {
  killChildren()
})
