/**
 * The vocabulary behind "Did you mean …?", built with the index: every word of the text Pagefind
 * indexed (read from the built pages by the same rules Pagefind follows), how often it occurs, and
 * the other spellings readers may type (content/spellings.yaml: names and places, British and
 * American endings). Written to `search/vocabulary.json`; the browser fetches it only when a query
 * finds nothing or little (see suggest.ts). Build-time only (Node).
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { foldWord, wordsOf } from './words.ts';
import type { VocabularyFile } from './suggest.ts';

export const SPELLINGS_FILE = 'content/spellings.yaml';
/** Where the vocabulary goes inside the built site. */
export const VOCABULARY_PATH = 'search/vocabulary.json';

export interface Spellings {
  /** Folded spelling a reader may type → the text's word, with where it was declared. */
  names: { variant: string; word: string; line: number }[];
  /** British and American spellings of the same part of a word: [British, American]. */
  britishAmerican: [british: string, american: string][];
}

function fail(file: string, line: number, message: string): never {
  throw new Error(`${file}:${line}: ${message}`);
}

/** Reads content/spellings.yaml, refusing anything malformed with the file and line. */
export function readSpellings(text: string, file = SPELLINGS_FILE): Spellings {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const lineOf = (node: YamlNode | null | undefined) =>
    node?.range ? lineCounter.linePos(node.range[0]).line : 1;
  if (doc.errors.length) fail(file, lineOf(null), doc.errors[0]!.message);
  const root = doc.contents;
  if (!isMap(root))
    fail(file, 1, 'expected the keys `names:` and `british-american:` at the top level');

  const spellings: Spellings = { names: [], britishAmerican: [] };
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as YamlNode | null;
    if (key === 'names') {
      if (!isMap(value))
        fail(
          file,
          lineOf(value),
          '`names:` maps the article’s spelling to a list of other spellings, e.g. `Kyiv: [Kiev]`',
        );
      for (const entry of value.items) {
        const word = isScalar(entry.key) ? String(entry.key.value).trim() : '';
        const at = lineOf(entry.key as YamlNode);
        if (wordsOf(word).length !== 1 || wordsOf(word)[0] !== word)
          fail(file, at, `“${word}” must be one word, as the article spells it`);
        const variants = entry.value as YamlNode | null;
        if (!isSeq(variants) || variants.items.length === 0)
          fail(
            file,
            at,
            `give “${word}” a list of the other spellings readers may type, e.g. [Kiev]`,
          );
        for (const item of variants.items) {
          const variant = isScalar(item) ? String(item.value).trim() : '';
          if (wordsOf(variant).length !== 1 || wordsOf(variant)[0] !== variant)
            fail(file, lineOf(item as YamlNode), `“${variant}” must be one word`);
          spellings.names.push({
            variant: foldWord(variant),
            word,
            line: lineOf(item as YamlNode),
          });
        }
      }
    } else if (key === 'british-american') {
      if (!isSeq(value))
        fail(file, lineOf(value), '`british-american:` is a list of pairs, e.g. `- [ence, ense]`');
      for (const item of value.items) {
        const pair = isSeq(item) ? item.items.map((p) => (isScalar(p) ? String(p.value) : '')) : [];
        if (pair.length !== 2 || !pair.every((p) => /^\p{Ll}+$/u.test(p)) || pair[0] === pair[1])
          fail(
            file,
            lineOf(item as YamlNode),
            'each British/American pair is two different lower-case spellings, e.g. [ence, ense]',
          );
        spellings.britishAmerican.push([pair[0]!, pair[1]!]);
      }
    } else {
      fail(file, lineOf(pair.key), `unknown key “${key}”; use \`names:\` or \`british-american:\``);
    }
  }
  return spellings;
}

/** English order for words of equal count; one collator, as `localeCompare` makes one per call. */
const byWord = new Intl.Collator('en');

/** Letters a word keeps before a British/American change, so "for" never becomes "four". */
const MIN_STEM = 3;
/** British and American spellings differ near the end of a word: at most this many letters follow. */
const MAX_TAIL = 5;

/** Each spelling a word gets by changing one occurrence of `from` into `to` near its end. */
function respellings(word: string, from: string, to: string): string[] {
  const out: string[] = [];
  for (let at = word.indexOf(from, MIN_STEM); at >= 0; at = word.indexOf(from, at + 1))
    if (word.length - at - from.length <= MAX_TAIL)
      out.push(word.slice(0, at) + to + word.slice(at + from.length));
  return out;
}

/** How often each word occurs as written in the indexed text, counted a page at a time. */
class WordCounts {
  readonly written = new Map<string, number>();
  #pages = 0;

  add(text: string): void {
    for (const word of wordsOf(text)) this.written.set(word, (this.written.get(word) ?? 0) + 1);
    this.#pages += 1;
  }

  /** How many pages' text was counted. */
  get pages(): number {
    return this.#pages;
  }
}

/**
 * The vocabulary of the indexed pages' text: their words and the other spellings. A name in
 * spellings.yaml must be a word of the text, and its other spellings must not be (a reader typing
 * them finds them as they are); both errors name the line. British/American spellings are derived
 * for every word of the text and kept only where the text does not itself use the other spelling.
 */
export function buildVocabulary(
  texts: readonly string[],
  spellings: Spellings,
  file = SPELLINGS_FILE,
): VocabularyFile {
  const counts = new WordCounts();
  for (const text of texts) counts.add(text);
  return vocabularyOf(counts, spellings, file);
}

/** `buildVocabulary` from words already counted. */
function vocabularyOf(
  counts: WordCounts,
  spellings: Spellings,
  file = SPELLINGS_FILE,
): VocabularyFile {
  // How often each form occurs without a possessive, then per folded word its most frequent form
  // (in English order on a tie) and the count of all its forms: flat maps, each form changed once,
  // not per occurrence.
  const forms = new Map<string, number>();
  for (const [raw, uses] of counts.written) {
    const word = raw.replace(/['’]s$/u, '');
    forms.set(word, (forms.get(word) ?? 0) + uses);
  }
  const byFolded = new Map<string, { folded: string; word: string; uses: number; count: number }>();
  for (const [word, uses] of forms) {
    const folded = foldWord(word);
    const entry = byFolded.get(folded);
    if (!entry) byFolded.set(folded, { folded, word, uses, count: uses });
    else {
      entry.count += uses;
      if (uses > entry.uses || (uses === entry.uses && byWord.compare(word, entry.word) < 0))
        Object.assign(entry, { word, uses });
    }
  }
  const entries = [...byFolded.values()];
  entries.sort((a, b) => b.count - a.count || byWord.compare(a.word, b.word));

  const alternatives: Record<string, string> = {};
  for (const { variant, word, line } of spellings.names) {
    const entry = byFolded.get(foldWord(word));
    if (!entry)
      fail(
        file,
        line,
        `“${word}” is not a word of the indexed text; the key must be the article’s own spelling`,
      );
    if (byFolded.has(variant))
      fail(
        file,
        line,
        `“${variant}” is itself a word of the indexed text, so readers find it as typed; remove it`,
      );
    alternatives[variant] = entry.word;
  }
  for (const { folded, word } of entries) {
    for (const [british, american] of spellings.britishAmerican)
      for (const [from, to] of [
        [british, american],
        [american, british],
      ] as const)
        for (const variant of respellings(folded, from, to))
          if (!byFolded.has(variant) && !(variant in alternatives)) alternatives[variant] = word;
  }
  return {
    words: entries.map((e) => e.word),
    counts: entries.map((e) => e.count),
    alternatives,
  };
}

/**
 * The vocabulary's share of the search index build: it counts the words of each page the index
 * takes, then makes the vocabulary and writes it into the built site in `siteDir` (while Pagefind
 * writes its bundle), and returns its size. content/spellings.yaml is read from the project `root`.
 */
export function vocabularyWriter(
  siteDir: string,
  root: string,
): {
  add(text: string): void;
  finish(): Promise<{ words: number; alternatives: number; path: string }>;
} {
  const counts = new WordCounts();
  return {
    add: (text) => counts.add(text),
    finish: async () => {
      if (counts.pages === 0)
        throw new Error(`Search vocabulary: no page in ${siteDir} marks a data-pagefind-body`);
      const spellings = readSpellings(await readFile(join(root, SPELLINGS_FILE), 'utf8'));
      const vocabulary = vocabularyOf(counts, spellings);
      const path = join(siteDir, VOCABULARY_PATH);
      await mkdir(join(path, '..'), { recursive: true });
      await writeFile(path, JSON.stringify(vocabulary));
      return {
        words: vocabulary.words.length,
        alternatives: Object.keys(vocabulary.alternatives).length,
        path: relative(root, path),
      };
    },
  };
}
