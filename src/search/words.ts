/**
 * Words as search compares them, the same at build time (the vocabulary) and in the browser (the
 * reader's query): lower case, accents folded ("Türkiye" → "turkiye"), a possessive dropped
 * ("Azerbaijan’s" → "azerbaijan"). Pagefind folds accents the same way by default.
 */

/** One word, folded for comparison. */
export function foldWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s?$/u, '');
}

/**
 * The words of a piece of plain text, as written: runs of letters, keeping an inner apostrophe
 * ("Azerbaijan’s"); a hyphen or any other mark ends a word ("air-defence" is "air" and "defence").
 */
export function wordsOf(text: string): string[] {
  return Array.from(
    text.normalize('NFC').matchAll(/\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)*/gu),
    ([word]) => word,
  );
}

/**
 * Put after a closed-up dash in the copy of a page Pagefind indexes, so it splits the words there
 * (see indexed-html.ts); taken out again of whatever search shows from the index.
 */
export const INDEX_WORD_BREAK = '\u200A';

/** Text from the index as the page has it. */
export function asOnPage(text: string): string {
  return text.replaceAll(INDEX_WORD_BREAK, '');
}
