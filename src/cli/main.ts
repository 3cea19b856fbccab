import { Command, CommanderError } from 'commander'
import { shiplogVersion } from '../node/fs/shiplogVersion.ts'
import { globalsOf } from './globals.ts'

const collect = (value: string, previous: string[] = []): string[] => [...previous, value]

/** Builds the command tree; each command's module is loaded only when it runs. */
export function createProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('shiplog')
    .description('Release records as code: render, check, measure and publish Markdown release records kept in git.')
    .version(shiplogVersion(), '-v, --version', 'print the version')
    .option('--root <dir>', 'project folder (default: the nearest folder from the current one up holding a shiplog.config.* file, else the current folder); metrics and build take it more than once, one root per repository', collect)
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .option('--verbose', 'print stack traces of unexpected errors')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      [
        '',
        'Environment:',
        '  NO_COLOR               never colour the output',
        '  SHIPLOG_NO_CACHE=1     parse every record again (as --no-cache)',
        '  SHIPLOG_CACHE_DIR      where the record cache lives (default .shiplog/cache)',
        '  SHIPLOG_CACHE_SECRET   key that authenticates cache entries (on CI, from a secret; default a per-user key file)',
        '  SHIPLOG_WORKERS        parse worker threads (default: by the number of records and cores)',
        '  SHIPLOG_DEVLAKE_TOKEN  API key of the Apache DevLake webhook that export --devlake posts to (never printed)',
      ].join('\n'),
    )
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) })

  program
    .command('init')
    .description('set shiplog up in an existing repository: config, templates, releases/, CI workflow (never overwrites)')
    .argument('[dir]', 'the repository folder (default: --root, or the current folder)')
    .option('-t, --template <name>', 'bundled template to copy into templates/; repeatable, the first is the default (default: deployment)', collect)
    .option('--ts', 'write shiplog.config.ts (with defineConfig) instead of shiplog.config.json')
    .addHelpText('after', '\nExamples:\n  $ shiplog init\n  $ shiplog init ../payments --template itil --template deployment --ts')
    .action(async (dir: string | undefined, flags, command: Command) => {
      const { initCommand } = await import('./commands/init.ts')
      setExitCode(await initCommand(dir, flags, globalsOf(command)))
    })

  program
    .command('new')
    .description('render a template into a new release record under releases/')
    .argument('<version>', 'the release version, e.g. 2.4.0 (names the file)')
    .option('-t, --template <name>', 'template to render (default: the configured one, "deployment")')
    .option('-s, --set <key=value>', "a template value; repeatable (a value outside the variable's declared choices is refused; an unknown key is warned about)", collect)
    .option('--values <file>', 'a YAML or JSON file of template values (a regular file of at most 1 MiB, read like frontmatter)')
    .option('--from-git <range>', 'fill `changes` with the commits of a git range, e.g. v2.3.0..HEAD')
    .option('--no-input', 'never prompt; missing values stay as {{name}} placeholders')
    .option('--dry-run', 'print the record instead of writing it')
    .option('-f, --force', 'replace an existing record')
    .option('-e, --edit', 'open the new record in $VISUAL or $EDITOR (e.g. EDITOR="code --wait") once it is written, and wait for the editor')
    .addHelpText(
      'after',
      '\nExamples:\n  $ shiplog new 2.4.0 --set release_name="Payments API" --set component=payments-api\n  $ shiplog new 2.4.1 --values release.yaml --from-git v2.4.0..HEAD --no-input\n  $ shiplog new 2.5.0 --no-input --edit\n\nWith --edit the record is written first, so a failing editor never loses it (exit 1; exit 2 when\nneither VISUAL nor EDITOR is set).\n\nValues of variables with declared choices must name one of them (case and surrounding spaces\nignored; the template\'s spelling is written), or nothing is written (exit 2).',
    )
    .action(async (version: string, flags, command: Command) => {
      const { newCommand } = await import('./commands/new.ts')
      setExitCode(await newCommand(version, flags, globalsOf(command)))
    })

  program
    .command('status')
    .description('progress per record, stage and group, and open action items per owner (overdue by today, the local date)')
    .argument('[files...]', 'record files, or folders of records (default: every record under releases/)')
    .option('--json', 'print JSON (one object per record)')
    .option('--no-cache', 'parse every record again, neither reading nor writing .shiplog/cache (SHIPLOG_NO_CACHE=1 does the same)')
    .addHelpText(
      'after',
      [
        '',
        'A stage the template gives a role and an expected duration (manifest `stages:`) shows them beside',
        'the time the record says it took (frontmatter `stages: { <stage>: { started, ended } }`):',
        '"took 1.5 business days, over" when longer than the expected maximum, "overdue" when still',
        'running past it. Days are business days: Monday to Friday, 24 hours each; --json adds role,',
        'expected, actual, over and overdue to such stages.',
      ].join('\n'),
    )
    .action(async (files: string[], flags, command: Command) => {
      const { statusCommand } = await import('./commands/status.ts')
      setExitCode(await statusCommand(files, flags, globalsOf(command)))
    })

  program
    .command('check')
    .description('validate records: frontmatter, placeholders, status gates, sign-off, tables, consistency')
    .argument('[files...]', 'record files, or folders of records (default: every record under releases/)')
    .option('--format <format>', 'text, json, github (workflow commands), junit (JUnit XML), sarif (SARIF 2.1.0, code scanning) or gitlab (GitLab Code Quality JSON); with GITHUB_STEP_SUMMARY set, a Markdown summary is appended to that file too', 'text')
    .option('--changed <git-ref>', 'only records changed since this git ref (e.g. origin/main)')
    .option('--max-warnings <n>', 'fail when there are more than n warnings (counted with --quiet too)')
    .option('--quiet', 'report errors only; warnings are not printed, but still count against --max-warnings')
    .option('--templates', 'check templates instead of records: the files given, or every template in templates/')
    .option('--allow-empty', 'pass when there are no records (e.g. a new project); by default finding no record file is an error (exit 2)')
    .option('--no-cache', 'parse and check every record again, neither reading nor writing .shiplog/cache (SHIPLOG_NO_CACHE=1 does the same)')
    .addHelpText('after', "\nExit codes: 0 clean, 1 errors (or too many warnings), 2 usage or configuration error (or no records, without --allow-empty).\nRule severities: `rules` in shiplog.config.* (e.g. { \"rules\": { \"unfilled-placeholder\": \"off\" } }); the gate rules cannot be turned off (docs/check.md).")
    .action(async (files: string[], flags, command: Command) => {
      const { checkCommand } = await import('./commands/check.ts')
      setExitCode(await checkCommand(files, flags, globalsOf(command)))
    })

  program
    .command('promote')
    .description('move a record to a status when check passes at that status, rewriting only its status value')
    .argument('<record>', 'the record file, inside releases/')
    .argument('[status]', 'the status to move to (default: the next one: planned → approved → in-progress → deployed → verified → closed)')
    .option('--dry-run', 'run the gate and report, without writing')
    .option('-f, --force', 'allow a move back (to an earlier status, or out of closed, rolled-back, failed or cancelled)')
    .option('--no-cache', 'parse every record again, neither reading nor writing .shiplog/cache (SHIPLOG_NO_CACHE=1 does the same)')
    .addHelpText(
      'after',
      [
        '',
        'The record is checked as if its status were the new one (every check rule); the status value is',
        'rewritten in place (comments, key order and quoting kept) only when there are no errors.',
        'Exit codes: 0 promoted (or already there), 1 blocked (what is left is listed), 2 refused (unknown',
        'status, a record outside releases/, unreadable frontmatter, a move back without --force).',
        '',
        'Examples:',
        '  $ shiplog promote releases/2.4.0.md approved',
        '  $ shiplog promote releases/2.4.0.md --dry-run',
        '  $ shiplog promote releases/2.4.0.md in-progress --force',
      ].join('\n'),
    )
    .action(async (record: string, status: string | undefined, flags, command: Command) => {
      const { promoteCommand } = await import('./commands/promote.ts')
      setExitCode(await promoteCommand(record, status, flags, globalsOf(command)))
    })

  program
    .command('show')
    .description('one record in the terminal: status, progress per stage, the next status and what is left, sign-offs, timeline, issues')
    .argument('<record|version>', 'a record file, a version (e.g. 2.4.0) or component@version (e.g. payments-api@2.4.0)')
    .option('--json', 'print the same as JSON')
    .option('--no-cache', 'parse every record again, neither reading nor writing .shiplog/cache (SHIPLOG_NO_CACHE=1 does the same)')
    .addHelpText('after', '\nLines wrap at the terminal\'s width (80 columns when not a terminal); colours and bars only on a\nterminal, never with NO_COLOR or --no-color. Exit codes: 0 shown; 1 the record has read errors\n(printed after it); 2 no record or several match.')
    .action(async (query: string, flags, command: Command) => {
      const { showCommand } = await import('./commands/show.ts')
      setExitCode(await showCommand(query, flags, globalsOf(command)))
    })

  program
    .command('notes')
    .description('release notes of a record as Markdown (for gh release create --notes-file -), or its entry in a Keep a Changelog file')
    .argument('<record|version>', 'a record file, a version (e.g. 2.4.0) or component@version (e.g. payments-api@2.4.0)')
    .option('--changelog <file>', 'put the release into this Keep a Changelog file inside the project (made when missing; running it again changes nothing) instead of printing the notes')
    .option('-o, --out <file>', 'write the notes to this file instead of stdout')
    .option('--no-cache', 'parse every record again, neither reading nor writing .shiplog/cache (SHIPLOG_NO_CACHE=1 does the same)')
    .addHelpText(
      'after',
      [
        '',
        'The notes hold the title, version, component and day (deploy time once deployed, else',
        '`scheduled`), each non-empty section under `## Release Notes` and the `changes` (linked to',
        'their commits when site.repoUrl is set). Unfilled placeholders and items that say "None" or',
        '"N/A" are left out; raw HTML from the record is written as text. See docs/communication.md.',
        '',
        'Examples:',
        '  $ shiplog notes 2.4.0 | gh release create v2.4.0 --notes-file -',
        '  $ shiplog notes payments-api@2.4.0 --changelog CHANGELOG.md',
        '',
        'Exit codes: 0 done; 1 the record could not be read; 2 no record or several match, or a bad path.',
      ].join('\n'),
    )
    .action(async (query: string, flags, command: Command) => {
      const { notesCommand } = await import('./commands/notes.ts')
      setExitCode(await notesCommand(query, flags, globalsOf(command)))
    })

  program
    .command('templates')
    .description('list the bundled and project templates, with descriptions and overrides')
    .option('--json', 'print JSON (one object per template)')
    .action(async (flags, command: Command) => {
      const { templatesCommand } = await import('./commands/templates.ts')
      setExitCode(await templatesCommand(flags, globalsOf(command)))
    })

  program
    .command('metrics')
    .description('DORA figures and more: frequency, lead time, change failure rate, recovery, rollback, rework, duration')
    .option('--since <date>', 'start of the window (inclusive), e.g. 2026-07-01')
    .option('--until <date>', 'end of the window (exclusive)')
    .option('--component <name>', 'only this component')
    .option('--environment <name>', 'measure this environment instead of production')
    .option('--repository <name>', 'only this repository, when several project roots are read (--root given more than once, or config `workspaces`)')
    .option('--by <period>', 'trend series per week or month', 'week')
    .option('--benchmark <year>', 'DORA report year whose tiers rate the figures (2021–2024; default the latest)')
    .option('--explain', 'list the records and rows behind every figure, every record left out, and implausible dates (counted, warned); why the frequency class and each tier were given (band, edge, tie rule)')
    .option('--json', 'print JSON (FORMAT.md §6 keys, plus series and explanations)')
    .option('--no-cache', 'parse every record again, neither reading nor writing .shiplog/cache (SHIPLOG_NO_CACHE=1 does the same)')
    .option('--fail-on-targets', 'exit 1 when a figure misses its target (config `targets`); a figure without data is not a miss, but a --since/--until window without deployments is 0 per week')
    .addHelpText(
      'after',
      [
        '',
        'Stage durations: for each stage a template gives an expected duration (manifest `stages:`), the',
        'median time the records of the environment took (frontmatter `stages: { <stage>: { started,',
        'ended } }`) against it; days are business days (Monday to Friday, 24 hours each). --since and',
        '--until keep the stages that ended in the window; --explain lists the records; --json: `stages`.',
        'Targets (config `targets`, e.g. { changeFailureRate: "< 5%", recoveryTime: "< 15m", deploymentFrequency: ">= 10/week" })',
        'are reported as met, missed or no data; see docs/metrics.md, "Targets".',
        '',
        'Several repositories: `--root a --root b` (or config `workspaces: ["../a", "../b"]`) measures them',
        'over one window; every file is named `<repository>/<path>`, and --json adds `repositories`, each',
        "one's figures over that window (docs/org-scale.md). Settings come from the first root.",
        '',
        'Exit codes: 0 figures printed; 1 a record could not be read, or with --fail-on-targets a target',
        'was missed; 2 a bad flag or configuration.',
      ].join('\n'),
    )
    .action(async (flags, command: Command) => {
      const { metricsCommand } = await import('./commands/metrics.ts')
      setExitCode(await metricsCommand(flags, globalsOf(command)))
    })

  program
    .command('export')
    .description('write the records as data: one line per deployment, change and incident (NDJSON, or Parquet through DuckDB), or post them to Apache DevLake (--devlake)')
    .argument('[files...]', 'record files, or folders of records (default: every record under releases/)')
    .option('-o, --out <file>', 'write to this file, atomically, replacing it (default: NDJSON on stdout)')
    .option('--format <format>', 'ndjson (one JSON object a line) or parquet (needs the optional dependency @duckdb/node-api, and --out); default ndjson')
    .option('--devlake <webhook-url>', "post production deployments, each with the commit it put live, and an incident per failed deployment to an Apache DevLake webhook connection (its URL, e.g. https://devlake.example.com/api/rest/plugins/webhook/connections/1)")
    .option('--repo-url <url>', 'with --devlake: repository URL sent with each commit, as DevLake knows the repository (default: the project folder\'s name)')
    .option('--dry-run', 'with --devlake: print the payloads as JSON lines ({"endpoint","body"}) and send nothing')
    .option('--no-cache', 'parse every record again, neither reading nor writing .shiplog/cache (SHIPLOG_NO_CACHE=1 does the same)')
    .addHelpText(
      'after',
      [
        '',
        'Every line carries `"schema": "shiplog.export/1"` (JSON Schema: schema/export.schema.json), its',
        '`kind` (deployment, change or incident), repository, component and environment, and the file and',
        'line it was read from; deployments of every environment are exported (SQL filters them). Records',
        'are read and written a batch at a time, so memory does not grow with their number. SQL computing',
        'the DORA figures over the exports of many repositories (DuckDB, BigQuery, ClickHouse): docs/org-scale.md.',
        '',
        'DevLake (--devlake): the API key of the webhook comes from SHIPLOG_DEVLAKE_TOKEN (never from a flag;',
        'never printed). Ids come from component and version, so posting again updates rather than',
        'duplicates. 5xx answers, timeouts and network errors are retried (1, 2, 4 s), then posting stops;',
        'a 4xx refusal is reported with the release and DevLake\'s message, and the rest is still sent.',
        '',
        'Exit codes: 0 written (or everything taken by DevLake, or printed with --dry-run); 1 a record could',
        'not be read (the others are written) or DevLake refused a payload or failed; 2 a bad flag or URL,',
        'or Parquet without @duckdb/node-api installed.',
        '',
        'Examples:',
        '  $ shiplog export > payments.ndjson',
        '  $ shiplog export --format parquet --out exports/payments.parquet',
        '  $ SHIPLOG_DEVLAKE_TOKEN=... shiplog export --devlake https://devlake.example.com/api/rest/plugins/webhook/connections/1',
        '  $ shiplog export --devlake https://devlake.example.com/api/rest/plugins/webhook/connections/1 --dry-run',
      ].join('\n'),
    )
    .action(async (files: string[], flags, command: Command) => {
      const { exportCommand } = await import('./commands/export.ts')
      setExitCode(await exportCommand(files, flags, globalsOf(command)))
    })

  program
    .command('calendar')
    .description('print the releases as an iCalendar file (RFC 5545), the site\'s releases.ics: one event per scheduled release')
    .argument('[files...]', 'record files or folders (default: every record)')
    .option('-o, --out <file>', 'write the calendar to this file instead of stdout')
    .option('--no-cache', 'parse every record again, neither reading nor writing .shiplog/cache (SHIPLOG_NO_CACHE=1 does the same)')
    .addHelpText(
      'after',
      [
        '',
        'Each event: UID from component, version and environment (stable, so calendar clients update',
        'it); SEQUENCE the number of commits that changed the record (0 outside git); start `scheduled`;',
        'end the Deployment Timeline\'s last End, else the template\'s expected deployment stage, else',
        'one hour; STATUS TENTATIVE (planned, approved), CONFIRMED (in-progress to closed, rolled-back,',
        'failed) or CANCELLED. Links need config site.url. See docs/communication.md.',
        '',
        'Exit codes: 0 calendar written; 1 a record could not be read; 2 a bad flag or configuration.',
      ].join('\n'),
    )
    .action(async (files: string[], flags, command: Command) => {
      const { calendarCommand } = await import('./commands/calendar.ts')
      setExitCode(await calendarCommand(files, flags, globalsOf(command)))
    })

  program
    .command('build')
    .description('build the static site (VitePress) from the records into site.outDir (default dist/)')
    .option('-q, --quiet', 'print nothing but errors (also in CI, when CI is set)')
    .option('--out-dir <dir>', 'output folder, relative to the project or absolute (default: site.outDir)')
    .option('--base <path>', 'base path the site is served under, e.g. /releases/ (default: site.base)')
    .option('-f, --force', 'replace an output folder that shiplog did not build (one without .shiplog-site)')
    .option('--no-cache', 'parse and render every record again, neither reading nor writing the record and body caches')
    .addHelpText(
      'after',
      [
        '',
        'The new site replaces the old one only when the build succeeded; the old one stays whole',
        'until the new one is complete beside it. Each site gets a .shiplog-site file: a non-empty',
        'output folder without it is refused (exit 2) unless --force. The output folder is never the',
        'project, nor is, holds or lies inside releases, templates, .git, .shiplog or site/ (exit 2).',
        '--out-dir and --base are checked like the configuration (exit 2).',
        'Several repositories: `--root a --root b` (or config `workspaces`) builds one site over them;',
        'routes and tables then name the repository, and settings come from the first root (docs/org-scale.md).',
      ].join('\n'),
    )
    .action(async (flags, command: Command) => {
      const { buildCommand } = await import('./commands/build.ts')
      setExitCode(await buildCommand(flags, globalsOf(command)))
    })

  program
    .command('dev')
    .description('serve the site and update it live as records and templates change')
    .option('-p, --port <port>', 'port to listen on, 1–65535, or 0 for any free port (default 5173, or the next free one)')
    .option('--host <host>', 'address or host name of this machine to listen on (default 127.0.0.1)')
    .addHelpText('after', '\nA busy port, or a host that is not this machine, is reported before anything starts (exit code 1 or 2).')
    .action(async (flags, command: Command) => {
      const { devCommand } = await import('./commands/dev.ts')
      setExitCode(await devCommand(flags, globalsOf(command)))
    })

  program
    .command('preview')
    .description('serve the built site (run shiplog build first)')
    .option('-p, --port <port>', 'port to listen on, 1–65535, or 0 for any free port (default 4173)')
    .option('--host <host>', 'address or host name of this machine to listen on (default 127.0.0.1)')
    .addHelpText('after', '\nA busy port, or a host that is not this machine, is reported before anything starts (exit code 1 or 2).')
    .action(async (flags, command: Command) => {
      const { previewCommand } = await import('./commands/preview.ts')
      setExitCode(await previewCommand(flags, globalsOf(command)))
    })

  return program
}

/** Runs the CLI with `argv` (without the node and script paths) and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let exitCode = 0
  const program = createProgram((code) => {
    exitCode = code
  })
  const verbose = argv.includes('--verbose')
  try {
    await program.parseAsync(argv, { from: 'user' })
    return exitCode
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; unknown flags, missing arguments and the like are usage errors.
      return error.exitCode === 0 ? 0 : 2
    }
    // Loaded only now, so that `shiplog --version` and `--help` load no more than commander.
    const { ShiplogError } = await import('../core/errors.ts')
    const { formatMessage } = await import('../core/message/formatMessage.ts')
    if (error instanceof ShiplogError) {
      // Every error shiplog means is a message: printed one way, `file:line:column: reason`.
      process.stderr.write(`shiplog: ${formatMessage(error)}\n`)
      return error.exitCode
    }
    const message = error instanceof Error ? error.message : String(error)
    process.stderr.write(`shiplog: unexpected error: ${message}\n`)
    if (verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`)
    else process.stderr.write('(run with --verbose for details, and please report it)\n')
    return 1
  }
}

