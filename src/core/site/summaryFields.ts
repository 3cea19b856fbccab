/**
 * The frontmatter fields a release page's summary lists (in this order, under `label`), and the
 * bold labels the bundled templates write the same value under in a record's Overview
 * (`**Release Type**: minor`): those lines repeat the summary, and the record's section leaves
 * them out (`rehypeSummaryFirst`). Labels compare as names do (`normalizeName`).
 */
export const SUMMARY_FIELDS: ReadonlyArray<{ key: string; label: string; writtenAs: readonly string[] }> = [
  { key: 'release', label: 'Release', writtenAs: ['Release'] },
  { key: 'version', label: 'Version', writtenAs: ['Version'] },
  { key: 'component', label: 'Component', writtenAs: ['Component'] },
  { key: 'release_type', label: 'Release type', writtenAs: ['Release Type'] },
  { key: 'environment', label: 'Environment', writtenAs: ['Environment', 'Target Environment'] },
  { key: 'status', label: 'Status', writtenAs: ['Status'] },
  { key: 'scheduled', label: 'Scheduled', writtenAs: ['Scheduled', 'Scheduled Date', 'Release Window', 'Deployment Window'] },
  { key: 'deployed_at', label: 'Deployed at', writtenAs: ['Deployed at'] },
  { key: 'restored_at', label: 'Restored at', writtenAs: ['Restored at'] },
  { key: 'owner', label: 'Owner', writtenAs: ['Owner', 'Release Owner'] },
  { key: 'coordinator', label: 'Coordinator', writtenAs: ['Coordinator', 'Release Coordinator'] },
  { key: 'business_owner', label: 'Business owner', writtenAs: ['Business Owner'] },
  { key: 'rollback_strategy', label: 'Rollback strategy', writtenAs: ['Rollback Strategy'] },
  { key: 'incident', label: 'Incident', writtenAs: ['Incident'] },
]
