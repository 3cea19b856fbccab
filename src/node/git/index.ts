export { readCommits, type Commit, type ReadCommitsOptions } from './readCommits.ts'
export { ReadCommitsError, type ReadCommitsErrorCode } from './ReadCommitsError.ts'
export { listChangedFiles, GitError, type GitErrorCode } from './listChangedFiles.ts'
export { readLastUpdated, type ReadLastUpdatedOptions } from './readLastUpdated.ts'
