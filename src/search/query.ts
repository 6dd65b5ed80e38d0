/**
 * Readers often search for a people or an adjective ("Azerbaijani", "Russian") when the text speaks of
 * the place ("Azerbaijan", "Russia"). Stemming leaves these words apart, but Pagefind matches word
 * prefixes, so searching for the shared beginning finds both forms. Only places the article is about.
 */
const SHARED_PREFIX: Record<string, string> = {
  azerbaijani: 'azerbaijan',
  azerbaijanis: 'azerbaijan',
  russian: 'russia',
  russians: 'russia',
  ukrainian: 'ukrain',
  ukrainians: 'ukrain',
  armenian: 'armenia',
  armenians: 'armenia',
  iranian: 'iran',
  iranians: 'iran',
  israeli: 'israel',
  israelis: 'israel',
  georgian: 'georgia',
  georgians: 'georgia',
  turkish: 'turk',
  sudanese: 'sudan',
};

/** The query Pagefind runs for what the reader typed. A quoted phrase is searched exactly as typed. */
export function searchableQuery(typed: string): string {
  if (/^\s*".+"\s*$/.test(typed)) return typed;
  return typed.replace(/[\p{L}’']+/gu, (word) => SHARED_PREFIX[word.toLowerCase()] ?? word);
}
