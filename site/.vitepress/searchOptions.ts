// Local search's MiniSearch options, apart from the configuration factory so that tests can run them.

/**
 * How local search indexes and ranks (VitePress 1.6, `themeConfig.search.options.miniSearch`:
 * `options` are MiniSearch's index options, used when VitePress builds the index in Node and when
 * the browser loads it; `searchOptions` are merged over VitePress's defaults `{ fuzzy: 0.2, prefix:
 * true, boost: { title: 4, text: 2, titles: 1 } }`; https://vitepress.dev/reference/default-theme-search).
 * VitePress ships these functions to the browser as their source text (its `serializeFunctions`),
 * so each one is self-contained: no name from this module may be used inside them.
 *
 * - MiniSearch's own tokenizer splits on punctuation, so `2.4.0` was the three terms `2`, `4`, `0`
 *   that every date and version matches. A version (`\d+(.\d+)+`) is also indexed whole, and a
 *   query keeps it whole: searching `2.4.0` looks for `2.4.0` (and, fuzzily, `2.4.1`, `2.3.0`).
 * - `boostDocument`: a release page's summary section (its title, with the status) counts double,
 *   so the release itself ranks before pages that merely list it (its component's page).
 */
export const SEARCH_MINISEARCH = {
  options: {
    tokenize: (text: string): string[] => [...text.split(/[\n\r\p{Z}\p{P}]+/u), ...(text.match(/\d+(?:\.\d+)+/g) ?? [])].filter((term) => term !== ''),
  },
  searchOptions: {
    tokenize: (text: string): string[] =>
      [...(text.match(/\d+(?:\.\d+)+/g) ?? []), ...text.replace(/\d+(?:\.\d+)+/g, ' ').split(/[\n\r\p{Z}\p{P}]+/u)].filter((term) => term !== ''),
    boostDocument: (id: string): number => (/\/releases\/[^#]*#shiplog-summary$/.test(id) ? 2 : 1),
  },
}
