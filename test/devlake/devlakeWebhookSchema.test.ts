import { describe, expect, it } from 'vitest'
import { deploymentErrors, issueErrors } from './devlakeWebhookSchema.ts'

// The contract test's validator must catch what DevLake refuses or silently drops, or it proves nothing.
describe('the DevLake webhook validator of the contract test', () => {
  it('should take the documented sample deployment and refuse the pre-1.0 snake_case one', () => {
    // the sample of https://devlake.apache.org/docs/Plugins/webhook (one commit)
    const sample = {
      id: 'required-id',
      createdDate: '2020-01-01T11:00:00+00:00',
      startedDate: '2020-01-01T12:00:00+00:00',
      finishedDate: '2020-01-02T13:00:00+00:00',
      environment: 'PRODUCTION',
      result: 'FAILURE',
      displayTitle: 'optional-custom-deploy-display-title',
      deploymentCommits: [{ repoUrl: 'required-repo-url', refName: 'optional-release-v0.17', startedDate: '2020-01-01T11:00:00+00:00', finishedDate: '2020-01-02T11:00:00+00:00', commitSha: 'c1', commitMsg: 'optional-msg-1' }],
    }
    expect(deploymentErrors(sample)).toEqual([])
    expect(deploymentErrors({ pipeline_id: 'p', repo_url: 'r', commit_sha: 'c', start_time: '2020-01-01T12:00:00+00:00' })).toEqual([
      'deployment.pipeline_id: unknown key (DevLake would drop it)',
      'deployment.repo_url: unknown key (DevLake would drop it)',
      'deployment.commit_sha: unknown key (DevLake would drop it)',
      'deployment.start_time: unknown key (DevLake would drop it)',
      'deployment.id: required',
      'deployment.deploymentCommits: required',
      'deployment.startedDate: required',
      'deployment.finishedDate: required',
    ])
  })

  it('should refuse an empty commit list, a bad date, a bad enum value and a start after the finish', () => {
    expect(deploymentErrors({ id: 'd', environment: 'prod', startedDate: '2020-01-02T00:00:00+00:00', finishedDate: '2020-01-01 00:00', deploymentCommits: [] })).toEqual([
      'deployment.environment: expected one of PRODUCTION, STAGING, TESTING, DEVELOPMENT',
      'deployment.finishedDate: expected a date like 2020-01-01T12:00:00+00:00',
      'deployment.deploymentCommits: deployment_commits is empty',
    ])
    expect(deploymentErrors({ id: 'd', startedDate: '2020-01-02T00:00:00Z', finishedDate: '2020-01-01T00:00:00Z', deploymentCommits: [{ repoUrl: '', commitSha: 'c', startedDate: '2020-01-01T00:00:00Z' }] })).toEqual([
      'deployment.deploymentCommits[0].repoUrl: required (empty)',
      'deployment.deploymentCommits[0].finishedDate: required',
      'deployment: startedDate after finishedDate (a negative duration)',
    ])
  })

  it('should take the documented sample incident and refuse one without a status, or typed in lower case', () => {
    const sample = { issueKey: 'DLK-1234', title: 'a feature from DLK', type: 'INCIDENT', originalStatus: 'TODO', status: 'TODO', createdDate: '2020-01-01T12:00:00+00:00', updatedDate: '2020-01-01T12:00:00+00:00' }
    expect(issueErrors(sample, { incident: true })).toEqual([])
    expect(issueErrors({ issueKey: 'K', title: 'T', type: 'incident', originalStatus: 'open', createdDate: '2020-01-01T12:00:00+00:00' }, { incident: true })).toEqual([
      'issue.status: required',
      'issue.type: expected INCIDENT (case-sensitive) for an incident',
    ])
  })
})
