import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import Ajv from 'ajv'
import AjvDraft04 from 'ajv-draft-04'
import addFormats from 'ajv-formats'
import { validateXML } from 'xmllint-wasm'

const schemas = (name: string): string => fileURLToPath(new URL(`../fixtures/schemas/${name}`, import.meta.url))

/** The published SARIF 2.1.0 schema (draft-04), formats (uri, uri-reference) checked too. */
const sarifAjv = new AjvDraft04.default({ allErrors: true, strict: false })
addFormats.default(sarifAjv as unknown as Ajv.default)
const sarifValidate = sarifAjv.compile(JSON.parse(readFileSync(schemas('sarif-schema-2.1.0.json'), 'utf8')) as object)

const gitlabAjv = new Ajv.default({ allErrors: true, strict: true, strictRequired: false })
const gitlabValidate = gitlabAjv.compile(JSON.parse(readFileSync(schemas('gitlab-code-quality.schema.json'), 'utf8')) as object)

const junitXsd = readFileSync(schemas('junit-10.xsd'), 'utf8')

/** The schema errors of a SARIF log (empty when valid). */
export function sarifErrors(json: unknown): string[] {
  return sarifValidate(json) ? [] : (sarifValidate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`)
}

/** The schema errors of a GitLab Code Quality report (empty when valid). */
export function gitlabErrors(json: unknown): string[] {
  return gitlabValidate(json) ? [] : (gitlabValidate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`)
}

/** What xmllint says about a JUnit document checked against junit-10.xsd (empty when valid). */
export async function junitErrors(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: { fileName: 'report.xml', contents: xml }, schema: { fileName: 'junit-10.xsd', contents: junitXsd } })
  return result.valid ? [] : result.errors.map((e) => e.rawMessage)
}
