/**
 * The GitHub Actions workflow `shiplog init` writes to `.github/workflows/shiplog.yml`: the
 * example in docs/ci/github-actions.yml (without its "Copy to" line). Kept here because the docs
 * folder is not part of the published package; a test keeps the two equal.
 */
export const CI_WORKFLOW = `# Checks release records with shiplog: on pull requests only the records the branch changes
# (annotated on the pull request), on main every record; the job summary lists every record and
# every error.
name: Release records

on:
  pull_request:
    paths:
      - 'releases/**'
      - 'templates/**'
      - 'shiplog.config.*'
  push:
    branches: [main]

permissions:
  contents: read

jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
        with:
          # --changed compares with the merge base of the target branch: it needs the history.
          fetch-depth: 0

      - uses: actions/setup-node@v5
        with:
          node-version: '20'
          cache: npm

      - run: npm ci

      # shiplog's action, from the installed package (the version the lockfile pins): restores and
      # saves .shiplog/cache, runs \`shiplog check --format github\` (with --changed
      # origin/<target branch> on pull requests) and writes the job summary. Its inputs are in
      # action.yml. In shiplog's own repository this is \`uses: ./\`; from GitHub, pin a release:
      # \`uses: <owner>/shiplog@v0\`.
      - uses: ./node_modules/shiplog
        with:
          install-command: ''
          # Lets a restored cache verify on a fresh runner (docs/performance.md); create the secret
          # once, e.g. \`openssl rand -hex 32\`. Without it every run parses every record.
          cache-secret: \${{ secrets.SHIPLOG_CACHE_SECRET }}
`
