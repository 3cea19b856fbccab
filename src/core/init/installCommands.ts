/**
 * The ways a team installs shiplog into its repository today, as `init` prints them: from shiplog's
 * git repository (npm builds it on install), from a tarball made with `npm pack` in a clone, and
 * from the npm registry once shiplog is published there. `version` names the tarball.
 */
export function installCommands(version: string): string[] {
  const rows: Array<[string, string]> = [
    ['npm install --save-dev git+https://<host>/<owner>/shiplog.git', 'from its git repository (npm builds it)'],
    [`npm install --save-dev ./shiplog-${version}.tgz`, 'from a tarball: `npm pack` in a clone of shiplog'],
    ['npm install --save-dev shiplog', 'from the npm registry, once shiplog is published there'],
  ]
  const width = Math.max(...rows.map(([command]) => command.length))
  return rows.map(([command, what]) => `  ${command.padEnd(width)}  # ${what}`)
}
