import type { CheckRule } from '../types.ts'
import { duplicateReleaseRule } from './duplicate-release.ts'
import { frontmatterSchemaRule } from './frontmatter-schema.ts'
import { implausibleDateRule } from './implausible-date.ts'
import { missingDeployTimeRule } from './missing-deploy-time.ts'
import { missingGroupRule } from './missing-group.ts'
import { numericVersionRule } from './numeric-version.ts'
import { overdueActionItemRule } from './overdue-action-item.ts'
import { restoredBeforeDeployRule } from './restored-before-deploy.ts'
import { rollbackWithoutIssueRule } from './rollback-without-issue.ts'
import { signoffRule } from './signoff.ts'
import { statusGateRule } from './status-gate.ts'
import { tableCellRule } from './table-cell.ts'
import { tableShapeRule } from './table-shape.ts'
import { templateChoiceRule } from './template-choice.ts'
import { unfilledPlaceholderRule } from './unfilled-placeholder.ts'
import { unknownGroupRule } from './unknown-group.ts'

export {
  duplicateReleaseRule,
  frontmatterSchemaRule,
  implausibleDateRule,
  missingDeployTimeRule,
  missingGroupRule,
  numericVersionRule,
  overdueActionItemRule,
  restoredBeforeDeployRule,
  rollbackWithoutIssueRule,
  signoffRule,
  statusGateRule,
  tableCellRule,
  tableShapeRule,
  unfilledPlaceholderRule,
  unknownGroupRule,
}

/** Every check rule, in documentation order. */
export const rules: readonly CheckRule[] = [
  frontmatterSchemaRule,
  numericVersionRule,
  templateChoiceRule,
  unfilledPlaceholderRule,
  statusGateRule,
  missingGroupRule,
  unknownGroupRule,
  signoffRule,
  tableShapeRule,
  tableCellRule,
  restoredBeforeDeployRule,
  rollbackWithoutIssueRule,
  missingDeployTimeRule,
  duplicateReleaseRule,
  overdueActionItemRule,
  implausibleDateRule,
]
