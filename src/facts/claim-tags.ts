import { proseOf } from './chapter-sections.ts';

/** A `<Claim status="…" by="…" />` label in a chapter and the sentence it stands after. */
export interface ClaimTag {
  status: string;
  by?: string;
  /** The last sentence before the tag on its line: the sentence the label qualifies. */
  sentence: string;
  /** 1-based line in the text searched. */
  line: number;
}

const TAG = /<Claim\b([^>]*?)\/?>/g;

export function findClaimTags(mdx: string): ClaimTag[] {
  const tags: ClaimTag[] = [];
  mdx.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(TAG)) {
      const attributes = match[1] ?? '';
      const by = attribute(attributes, 'by');
      const before = proseOf(line.slice(0, match.index).replace(TAG, ''));
      tags.push({
        status: attribute(attributes, 'status') ?? '',
        ...(by ? { by } : {}),
        sentence: lastSentence(before),
        line: index + 1,
      });
    }
  });
  return tags;
}

function attribute(attributes: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1];
}

/** Sentences end at `.`, `?` or `!` before a capital or an opening quote, as in the article. */
export function lastSentence(text: string): string {
  return (
    text
      .split(/(?<=[.?!])\s+(?=[\p{Lu}“"‘])/u)
      .at(-1)
      ?.trim() ?? ''
  );
}
