/** What a social card shows, independent of where the words come from (see card.ts). */
export const CARD_SIZE = { width: 1200, height: 630 } as const;
export const CARD_DIRECTORY = 'cards/';

export interface CardContent {
  /** File name inside `cards/`. */
  file: string;
  /** The small line above the title: "Chapter 5 of 8 · 2014 to 2025". */
  kicker: string;
  title: string;
  /** The line at the top: the article's title, or on the article's own card its standfirst. */
  header: string;
  asOf: string;
  /** Chapter cards: which of how many, drawn as a row of marks. */
  position?: { index: number; count: number } | undefined;
  /** The card as words, for `og:image:alt`. */
  alt: string;
}

export interface SocialImage {
  url: string;
  width: number;
  height: number;
  alt: string;
}
