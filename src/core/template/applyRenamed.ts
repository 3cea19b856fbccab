import type { TemplateManifest } from './types.ts'

export interface RenamedValues {
  /** The values with each former name's value copied to the variables that took over its cells. */
  values: { [name: string]: unknown }
  /** One warning per former name given that the template no longer declares, naming the new names. */
  warnings: string[]
}

/**
 * Fills the variables that took over a former variable's cells (the manifest's `renamed:`) from a
 * value given under the former name, wherever they have no value of their own, so that a values
 * file or `--set` written for an older template still fills what it filled. A former name the
 * template no longer declares draws a deprecation warning naming the new names and where the value
 * came from (`origins`); a name that is still a variable of its own (`owner`) keeps its meaning
 * and warns about nothing. The values given are not changed.
 */
export function applyRenamed(
  manifest: TemplateManifest | null,
  values: { readonly [name: string]: unknown },
  origins: { readonly [name: string]: string } = {},
  templateName: string = manifest?.name ?? '',
): RenamedValues {
  const out: { [name: string]: unknown } = Object.assign(Object.create(null), values)
  const warnings: string[] = []
  for (const [former, targets] of Object.entries(manifest?.renamed ?? {})) {
    if (!Object.hasOwn(values, former) || !given(values[former])) continue
    for (const target of targets) if (!Object.hasOwn(values, target) || !given(values[target])) out[target] = values[former]
    if (Object.hasOwn(manifest?.variables ?? {}, former)) continue
    const origin = Object.hasOwn(origins, former) ? `${origins[former]}: ` : ''
    warnings.push(
      `Warning: ${origin}deprecated variable \`${former}\` of template ${templateName}: its value fills ${targets.join(', ')}; expected those names`,
    )
  }
  return { values: out, warnings }
}

/** A value counts as given unless it is null, undefined or an empty string (as in `resolveChoices`). */
function given(value: unknown): boolean {
  return value !== undefined && value !== null && value !== ''
}
