/**
 * What the reader typed, made searchable before Pagefind sees it. Readers search for a people or an
 * adjective ("Azerbaijani", "Turkish") or another name of a place ("Turkey") when the text may use
 * the place's own name ("Azerbaijan", "Türkiye"). Stemming keeps these apart, but Pagefind matches
 * word beginnings, so the beginning the names share finds them all ("turk" finds Turkey, Turkish and
 * Türkiye). The names come from the actors' data (`name`, `aliases`, `demonyms` in
 * content/actors.yaml), never from this code. Accents need nothing here: Pagefind folds them itself
 * (its `exactDiacritics` option stays off), so "Turkiye" finds "Türkiye".
 */
import { foldWord } from './words.ts';

export interface ActorNames {
  name: string;
  aliases?: readonly string[] | undefined;
  demonyms?: readonly string[] | undefined;
}

/** Folded word → the beginning to search for instead. */
export type FoldingTable = Readonly<Record<string, string>>;

/** Names sharing fewer letters than this are different words ("Baku" is not "Azerbaijan"). */
const MIN_SHARED = 4;

function sharedBeginning(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

const isOneWord = (name: string) => !/[\s-]/u.test(name.trim());

/**
 * For each actor whose one-word name shares a beginning with its one-word aliases or demonyms, every
 * one of those names maps to that beginning. Throws if two actors claim the same word differently.
 */
export function foldingTable(actors: readonly ActorNames[]): Record<string, string> {
  const table: Record<string, string> = {};
  const owner: Record<string, string> = {};
  for (const actor of actors) {
    if (!isOneWord(actor.name)) continue;
    const name = foldWord(actor.name);
    const others = [...(actor.aliases ?? []), ...(actor.demonyms ?? [])]
      .filter(isOneWord)
      .map(foldWord)
      .filter((form) => form !== name && sharedBeginning(form, name).length >= MIN_SHARED);
    if (others.length === 0) continue;
    const beginning = others.reduce(sharedBeginning, name);
    for (const form of [name, ...others]) {
      if (form === beginning) continue;
      const claimed = table[form];
      if (claimed !== undefined && claimed !== beginning)
        throw new Error(
          `Search folding: “${form}” belongs to both ${owner[form]} and ${actor.name} in content/actors.yaml; give it to one of them.`,
        );
      table[form] = beginning;
      owner[form] = actor.name;
    }
  }
  return table;
}

/** The query Pagefind runs for what the reader typed. A quoted phrase is searched exactly as typed. */
export function foldQuery(typed: string, table: FoldingTable): string {
  if (/^\s*".+"\s*$/u.test(typed)) return typed;
  return typed.replace(/\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)*/gu, (word) => {
    const folded = foldWord(word);
    // A plural people ("Azerbaijanis") folds like the singular.
    return table[folded] ?? (folded.endsWith('s') ? table[folded.slice(0, -1)] : undefined) ?? word;
  });
}
