/**
 * The GitHub Actions workflow `shiplog init` writes to `.github/workflows/shiplog.yml`: the
 * example in docs/ci/github-actions.yml (without its "Copy to" line). Kept here because the docs
 * folder is not part of the published package; a test keeps the two equal.
 */
export const CI_WORKFLOW = `# Checks release records with shiplog: on pull requests only the records the branch changes
# (annotated on the pull request), on main every record.
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
      - uses: actions/checkout@v4
        with:
          # --changed compares with the merge base of the target branch: it needs the history.
          fetch-depth: 0

      - uses: actions/setup-node@v4
        with:
          node-version: '20'
          cache: npm

      - run: npm ci

      - name: Check changed records
        if: github.event_name == 'pull_request'
        run: npx shiplog check --format github --changed origin/\${{ github.base_ref }}

      - name: Check every record
        if: github.event_name == 'push'
        run: npx shiplog check --format github
`
