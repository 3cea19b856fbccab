import { readFileSync } from 'node:fs'
import { isBuiltin } from 'node:module'
import { dirname, extname, isAbsolute, relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { BuildFailure, Message, Plugin } from 'esbuild'
import { ShiplogError } from '../../core/errors.ts'

/**
 * Thrown when a configuration module cannot be compiled (exit code 2): esbuild's first error at
 * its place (`file`, `line`, `column`), so the message is one line, `file:line:column: text`.
 */
export class ConfigCompileError extends ShiplogError {
  constructor(reason: string, place: { file?: string; line?: number; column?: number } = {}) {
    super(reason, 2, {
      ...(place.file === undefined ? {} : { file: place.file }),
      ...(place.line === undefined ? {} : { place: { line: place.line, column: place.column ?? 1 } }),
      ruleId: 'config-syntax',
    })
    this.name = 'ConfigCompileError'
  }
}

const FILE_VALUES = {
  'import.meta.url': '__shiplog_file_url',
  'import.meta.filename': '__shiplog_file_name',
  'import.meta.dirname': '__shiplog_file_dir',
  __filename: '__shiplog_file_name',
  __dirname: '__shiplog_file_dir',
}

/** Marks the resolutions the plugin below asks esbuild for itself. */
const OWN_RESOLUTION = Symbol('shiplog')

/**
 * Every package a configuration imports stays an import of its own, never bundled: resolved from
 * the file that imports it, as Node would, and written as an absolute `file:` URL (a path for
 * `require`), so that it loads from wherever the compiled configuration is evaluated. Built-in
 * modules stay as they are.
 */
const externalPackages: Plugin = {
  name: 'shiplog-external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.kind === 'entry-point' || args.pluginData === OWN_RESOLUTION || isAbsolute(args.path)) return undefined
      if (isBuiltin(args.path)) return { path: args.path, external: true }
      const found = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: OWN_RESOLUTION })
      if (found.errors.length > 0) return { errors: found.errors }
      if (found.external) return { path: found.path, external: true }
      return { path: args.kind === 'require-call' ? found.path : pathToFileURL(found.path).href, external: true }
    })
  },
}

/** The files `fileValues` loads: every JavaScript and TypeScript file bundled. */
const LOADED = /\.[cm]?[jt]s$/

/**
 * Each bundled file keeps its own `import.meta.url`, `import.meta.dirname` and `filename`,
 * `__dirname` and `__filename` (the `define`s above point them at values declared here).
 */
const fileValues: Plugin = {
  name: 'shiplog-file-values',
  setup(build) {
    build.onLoad({ filter: LOADED }, (args) => {
      // One line of its own (`describe` counts it off the line numbers esbuild reports).
      const values = [
        `var __shiplog_file_url = ${JSON.stringify(pathToFileURL(args.path).href)};`,
        `var __shiplog_file_name = ${JSON.stringify(args.path)};`,
        `var __shiplog_file_dir = ${JSON.stringify(dirname(args.path))};`,
      ].join('')
      return { contents: `${values}\n${readFileSync(args.path, 'utf8')}`, loader: /^\.[cm]?ts$/.test(extname(args.path)) ? 'ts' : 'js' }
    })
  },
}

/**
 * Evaluates a configuration file written in TypeScript or JavaScript (ESM or CommonJS) and returns
 * its module namespace. esbuild compiles the file and the files it imports by relative path into
 * one ES module (TypeScript's types are dropped, nothing is type-checked); packages stay imports of
 * their own (`externalPackages`); Node evaluates the result from a `data:` URL. No loader hook is
 * registered, and nothing is written: not beside the configuration, not in a temporary folder.
 * `require` works as in the configuration's folder. Throws `ConfigCompileError` when esbuild
 * cannot compile it, and whatever the configuration throws when it runs.
 */
export async function importConfigModule(path: string): Promise<{ default?: unknown }> {
  const { build } = await import('esbuild')
  const root = dirname(path)
  let code: string
  try {
    const result = await build({
      entryPoints: [path],
      absWorkingDir: root,
      bundle: true,
      write: false,
      platform: 'node',
      format: 'esm',
      target: `node${process.versions.node}`,
      logLevel: 'silent',
      define: FILE_VALUES,
      banner: { js: `import { createRequire as __shiplog_create_require } from 'node:module';const require = __shiplog_create_require(${JSON.stringify(pathToFileURL(path).href)});` },
      plugins: [externalPackages, fileValues],
    })
    code = result.outputFiles[0]?.text ?? ''
  } catch (error) {
    const first = (error as Partial<BuildFailure>).errors?.[0]
    if (first === undefined) throw error
    throw compileError(first, root)
  }
  return (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as { default?: unknown }
}

/**
 * esbuild's message at its place: the file relative to the configuration's folder, the line as in
 * the file (without the line `fileValues` adds), the column 1-based; or the text alone.
 */
function compileError(message: Message, root: string): ConfigCompileError {
  const place = message.location
  if (!place) return new ConfigCompileError(message.text)
  const file = isAbsolute(place.file) ? relative(root, place.file) : place.file
  const line = LOADED.test(place.file) ? place.line - 1 : place.line
  return new ConfigCompileError(message.text, { file, line, column: place.column + 1 })
}
