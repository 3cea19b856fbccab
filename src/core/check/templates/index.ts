export { validateTemplate, BUILT_IN_VARIABLES, type TemplateSource } from './validateTemplate.ts'
export { checkTemplates } from './checkTemplates.ts'
export { listTemplates, formatTemplateList, type ListedTemplate, type TemplateSummary } from './listTemplates.ts'
export { templateOutline, type OutlineKey, type TemplateOutline } from './templateOutline.ts'
