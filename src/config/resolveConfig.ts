import { z } from 'zod'
import { DEFAULT_CONFIG } from './defaultConfig.ts'
import type { ResolvedConfig, ShiplogConfig } from './types.ts'
import { ShiplogError } from '../errors.ts'

const relativePath = z
  .string()
  .min(1)
  .refine((value) => !value.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(value) && !value.split(/[\\/]/).includes('..'), {
    message: 'expected a folder inside the project (no absolute path, no `..`)',
  })

const configSchema = z
  .object({
    releases: relativePath.optional(),
    fileName: z
      .string()
      .min(1)
      .refine((value) => value.includes('{version}'), { message: 'expected a pattern containing `{version}`' })
      .refine((value) => value.endsWith('.md'), { message: 'expected a pattern ending in `.md`' })
      .optional(),
    template: z.string().min(1).optional(),
    templates: relativePath.optional(),
    site: z
      .object({
        title: z.string().min(1).optional(),
        repoUrl: z
          .string()
          .refine((value) => /^https?:\/\//.test(value), { message: 'expected an http(s) address' })
          .optional(),
        branch: z.string().min(1).optional(),
        outDir: relativePath.optional(),
        base: z
          .string()
          .refine((value) => value.startsWith('/') && value.endsWith('/'), { message: 'expected a path that starts and ends with `/`' })
          .optional(),
      })
      .strict()
      .optional(),
  })
  .strict()

/**
 * Validates a configuration and applies defaults; `overrides` (from command-line flags) win over
 * the file. Throws a ShiplogError (exit code 2) naming the source and every bad key.
 */
export function resolveConfig(
  fromFile: unknown,
  source: string,
  overrides: ShiplogConfig = {},
): ResolvedConfig {
  const parsed = configSchema.safeParse(fromFile ?? {})
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const key = issue.path.length > 0 ? issue.path.join('.') : '(top level)'
      const message = issue.code === 'unrecognized_keys' ? `unknown key(s) ${issue.keys.map((k) => `\`${k}\``).join(', ')}` : issue.message
      return `${source}: \`${key}\`: ${message}`
    })
    throw new ShiplogError(`Invalid configuration:\n${lines.join('\n')}`, 2)
  }
  const file = parsed.data
  return {
    releases: overrides.releases ?? file.releases ?? DEFAULT_CONFIG.releases,
    fileName: overrides.fileName ?? file.fileName ?? DEFAULT_CONFIG.fileName,
    template: overrides.template ?? file.template ?? DEFAULT_CONFIG.template,
    templates: overrides.templates ?? file.templates ?? DEFAULT_CONFIG.templates,
    site: {
      title: overrides.site?.title ?? file.site?.title ?? DEFAULT_CONFIG.site.title,
      repoUrl: overrides.site?.repoUrl ?? file.site?.repoUrl ?? DEFAULT_CONFIG.site.repoUrl,
      branch: overrides.site?.branch ?? file.site?.branch ?? DEFAULT_CONFIG.site.branch,
      outDir: overrides.site?.outDir ?? file.site?.outDir ?? DEFAULT_CONFIG.site.outDir,
      base: overrides.site?.base ?? file.site?.base ?? DEFAULT_CONFIG.site.base,
    },
  }
}
