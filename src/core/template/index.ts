export { renderTemplate, type RenderedTemplate, type RenderTemplateOptions } from './renderTemplate.ts'
export { templateVariables } from './templateVariables.ts'
export { TemplateError } from './TemplateError.ts'
export { parseManifest, type ParsedManifest } from './parseManifest.ts'
export {
  DEFAULT_TABLES,
  type GroupRule,
  type TemplateManifest,
  type TemplateTables,
  type TemplateVariable,
} from './types.ts'
