/** Whether `SHIPLOG_NO_CACHE` turns every cache off (set, and neither empty nor `0`): as `--no-cache` for every command. */
export function cachesTurnedOff(env: { readonly [name: string]: string | undefined } = process.env): boolean {
  const value = env['SHIPLOG_NO_CACHE']
  return value !== undefined && value !== '' && value !== '0'
}
