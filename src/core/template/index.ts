export { renderTemplate, type RenderedTemplate, type RenderTemplateOptions } from './renderTemplate.ts'
export { templateVariables } from './templateVariables.ts'
export { TemplateError } from './TemplateError.ts'
export { parseManifest, type ParsedManifest } from './parseManifest.ts'
export {
  DEFAULT_TABLES,
  type ExpectedDuration,
  type GroupRule,
  type StagePlan,
  type TemplateManifest,
  type TemplateTables,
  type TemplateVariable,
} from './types.ts'
