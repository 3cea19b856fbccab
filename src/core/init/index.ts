export {
  planInit,
  webUrl,
  CONFIG_JSON,
  CONFIG_TS,
  IGNORED,
  RELEASES_DIR,
  SCRIPTS,
  TEMPLATES_DIR,
  WORKFLOW_PATH,
  type InitPlan,
  type PlanInitOptions,
  type PlannedFile,
} from './planInit.ts'
export { formatInitReport, type InitOutcome } from './formatInitReport.ts'
export { CI_WORKFLOW } from './ciWorkflow.ts'
