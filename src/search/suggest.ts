/**
 * "Did you mean …?": when a query finds nothing, or finds only stray matches, its unknown words are
 * compared with the vocabulary of the indexed text (built with the index, see vocabulary.ts, and
 * fetched only then). A known other spelling (Kiev → Kyiv, defense → defence) replaces the word
 * outright; otherwise the closest words by edit distance are offered.
 */
import { foldWord } from './words.ts';

/** The file written next to the index: `search/vocabulary.json`. */
export interface VocabularyFile {
  /** Every word of the indexed text as it is most often written, most frequent first. */
  words: string[];
  /** How often each word occurs, in the same order. */
  counts: number[];
  /** A spelling a reader may type (folded) → the word the text uses instead. */
  alternatives: Record<string, string>;
}

interface Entry {
  word: string;
  folded: string;
  count: number;
}

export interface Vocabulary {
  entries: Entry[];
  folded: Set<string>;
  alternatives: Map<string, string>;
}

export function readVocabulary(file: VocabularyFile): Vocabulary {
  if (file.words.length !== file.counts.length)
    throw new Error('Search vocabulary: words and counts differ in length');
  const entries = file.words.map((word, i) => ({
    word,
    folded: foldWord(word),
    count: file.counts[i]!,
  }));
  return {
    entries,
    folded: new Set(entries.map((e) => e.folded)),
    alternatives: new Map(Object.entries(file.alternatives)),
  };
}

/** A word the index finds as typed: a word of the text, or the beginning of one (as Pagefind matches). */
export function isKnown(word: string, vocabulary: Vocabulary): boolean {
  const folded = foldWord(word);
  return (
    vocabulary.folded.has(folded) || vocabulary.entries.some((e) => e.folded.startsWith(folded))
  );
}

/**
 * Edits (insert, delete, substitute, swap two neighbours) from `a` to `b`; anything above `max`
 * is reported as `max + 1` without finishing the count.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = Array.from({ length: b.length + 1 }, () => 0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  return Math.min(previous[b.length]!, max + 1);
}

/**
 * How many edits a word of this length may be away from a suggestion: none for very short words
 * (three letters are too few to guess from), one up to five letters, two beyond.
 */
export function allowedEdits(length: number): number {
  if (length <= 3) return 0;
  if (length <= 5) return 1;
  return 2;
}

/**
 * The words of the text closest to `word` (accents and case aside), nearest first; at equal
 * distance the word the text uses more often comes first, then alphabetical order.
 */
export function closestWords(word: string, vocabulary: Vocabulary, limit = 3): string[] {
  const folded = foldWord(word);
  const max = allowedEdits(folded.length);
  if (max === 0) return [];
  const found: { entry: Entry; distance: number }[] = [];
  for (const entry of vocabulary.entries) {
    let distance = editDistance(folded, entry.folded, max);
    // A word still being typed is compared with the same length of each word too ("Kazaks…").
    if (folded.length >= 5 && entry.folded.length > folded.length)
      distance = Math.min(
        distance,
        editDistance(folded, entry.folded.slice(0, folded.length), max),
      );
    if (distance > 0 && distance <= max) found.push({ entry, distance });
  }
  found.sort(
    (x, y) =>
      x.distance - y.distance ||
      y.entry.count - x.entry.count ||
      x.entry.word.localeCompare(y.entry.word, 'en'),
  );
  return found.slice(0, limit).map((f) => f.entry.word);
}

export interface Corrections {
  /** The query with every unknown word replaced by its known other spelling, to run at once. */
  respelt?: string;
  /** With `respelt`: each word as typed, and as the text spells it. */
  respellings?: [typed: string, text: string][];
  /** Queries to offer, best first, when some unknown word is a likely typo. */
  suggestions: string[];
}

const WORD = /\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)*/gu;

/** What to do about the unknown words of a query that found nothing or little. */
export function corrections(query: string, vocabulary: Vocabulary, limit = 3): Corrections {
  const unknown: {
    word: string;
    start: number;
    end: number;
    options: string[];
    respelling: boolean;
  }[] = [];
  for (const match of query.matchAll(WORD)) {
    const word = match[0];
    if (isKnown(word, vocabulary)) continue;
    const start = match.index;
    const alternative = vocabulary.alternatives.get(foldWord(word));
    const options = alternative ? [alternative] : closestWords(word, vocabulary, limit);
    if (options.length)
      unknown.push({ word, start, end: start + word.length, options, respelling: !!alternative });
  }
  if (unknown.length === 0) return { suggestions: [] };

  const rebuild = (choice: (index: number) => string) => {
    let text = '';
    let at = 0;
    unknown.forEach((u, i) => {
      text += query.slice(at, u.start) + choice(i);
      at = u.end;
    });
    return (text + query.slice(at)).trim();
  };
  const best = rebuild((i) => unknown[i]!.options[0]!);
  if (unknown.every((u) => u.respelling))
    return {
      respelt: best,
      respellings: unknown.map((u) => [u.word, u.options[0]!]),
      suggestions: [],
    };

  // The best guess for every word, then the next guesses for one word at a time.
  const suggestions = [best];
  for (const [i, u] of unknown.entries())
    for (const option of u.options.slice(1)) {
      if (suggestions.length >= limit) break;
      suggestions.push(rebuild((j) => (j === i ? option : unknown[j]!.options[0]!)));
    }
  return { suggestions: [...new Set(suggestions)].slice(0, limit) };
}

/**
 * Pagefind finds a word it does not know by a shorter word of the text that begins it ("defense"
 * by "de"). Given the words a query matched in the results shown, these are the query's words that
 * matched only that way: no match shares all but three of its letters (and at least three).
 */
export function strayMatches(queryWords: string[], matchedWords: string[]): string[] {
  const matched = matchedWords.map(foldWord);
  return queryWords
    .map(foldWord)
    .filter(
      (word) =>
        word.length >= 4 &&
        !matched.some((m) => sharedLength(m, word) >= Math.max(3, word.length - 3)),
    );
}

function sharedLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
