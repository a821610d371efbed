/**
 * Types for opencc-js's per-dictionary modules (`opencc-js/dict/<Name>`), which the package
 * exports through its `./*` pattern without declarations. Each one is a serialised dictionary,
 * `"source replacement|source replacement|…"`, as `Trie.loadDict` accepts.
 */
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
