import type { ChildProcess } from 'node:child_process'

const children = new Set<ChildProcess>()

/** Registers a child process the test started, so that `killChildren` ends it if it is still running. */
export function track<Child extends ChildProcess>(child: Child): Child {
  children.add(child)
  child.once('close', () => children.delete(child))
  return child
}

/**
 * Kills (SIGKILL) every tracked child still running. Called after every test of the suite
 * (test/helpers/afterEachTest.ts): a test that failed or timed out leaves no process behind to
 * load the machine, hold a port or write into a folder the next test uses.
 */
export function killChildren(): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  children.clear()
}
