export { readCommits, type Commit, type ReadCommitsOptions } from './readCommits.ts'
export { ReadCommitsError, type ReadCommitsErrorCode } from './ReadCommitsError.ts'
