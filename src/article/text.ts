/**
 * The two text rules the whole repository shares: how white space is read, and where a sentence
 * ends. Everything that compares the article's words (the fidelity check, quotes in the data, claim
 * labels, search, print and PDF tests) goes through these, so they cannot disagree.
 */

/** Collapses runs of white space (line breaks and non-breaking spaces too) the way a reader sees text. */
export function normalise(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** A sentence and where it starts and ends in the text it was cut from (offsets into that text). */
export interface SentenceSpan {
  /** The sentence, white space normalised. */
  text: string;
  start: number;
  end: number;
}

/**
 * A sentence ends at `.`, `?` or `!` followed by white space and an upper-case letter or an opening
 * quote. The article has no abbreviations that would break this rule.
 */
const SENTENCE_END = /(?<=[.?!])[\s\u00a0]+(?=[\p{Lu}“"‘])/gu;

/** The sentences of a text with their offsets in it, so callers can map them back to lines. */
export function sentenceSpans(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const sentence = normalise(raw);
    if (sentence) {
      const lead = raw.length - raw.trimStart().length;
      spans.push({ text: sentence, start: start + lead, end: start + raw.trimEnd().length });
    }
  };
  for (const match of text.matchAll(SENTENCE_END)) {
    push(match.index);
    start = match.index + match[0].length;
  }
  push(text.length);
  return spans;
}

/** The sentences of a text, each white space normalised. */
export function sentences(text: string): string[] {
  return sentenceSpans(text).map((span) => span.text);
}

/** Words a reader reads: runs between spaces that hold a letter or a digit (dashes alone do not count). */
export function countWords(text: string): number {
  return normalise(text)
    .split(' ')
    .filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
