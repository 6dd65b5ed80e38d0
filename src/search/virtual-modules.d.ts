/** Built by src/search/index-integration.ts from the actors' names (see query.ts). */
declare module 'virtual:search-folding' {
  const table: Readonly<Record<string, string>>;
  export default table;
}
