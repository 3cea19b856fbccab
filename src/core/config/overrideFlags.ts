/**
 * The command-line flag that overrides each configuration key (`shiplog build --out-dir`, …), so
 * that a bad override is reported under the name the user typed.
 */
export const OVERRIDE_FLAGS: { readonly [key: string]: string } = {
  'site.outDir': '--out-dir',
  'site.base': '--base',
}
