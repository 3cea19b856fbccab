import { ShiplogError } from '../../core/errors.ts'

export type ReadCommitsErrorCode = 'git-not-found' | 'not-a-repository' | 'invalid-range' | 'git-failed'

/**
 * A failure of `readCommits`, with a message meant for the user (exit code 1). `code` tells the
 * cases apart: git is not installed (`git-not-found`), the folder does not exist or is not in a git
 * work tree (`not-a-repository`), the revision range does not resolve (`invalid-range`), anything
 * else (`git-failed`, with git's own message).
 */
export class ReadCommitsError extends ShiplogError {
  readonly code: ReadCommitsErrorCode
  constructor(code: ReadCommitsErrorCode, message: string) {
    super(message, 1)
    this.name = 'ReadCommitsError'
    this.code = code
  }
}
