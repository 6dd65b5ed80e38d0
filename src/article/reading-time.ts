import type { ChapterOutline } from './outline.ts';
import { countWords } from './text.ts';

/** Words a reader gets through in a minute of long-form reading. */
export const WORDS_PER_MINUTE = 220;

/**
 * Minutes it takes to read a chapter: the words of its headings and prose blocks at the reading
 * pace, never below one. Diagrams, frontmatter, imports and components are not prose, so the
 * outline holds none of them.
 */
export function readingMinutes(outline: ChapterOutline): number {
  // Headings deeper than ### are also blocks of their section: count them once, as headings.
  const texts = [
    ...outline.headings.map((h) => h.text),
    ...outline.sections
      .flatMap((s) => s.blocks.filter((b) => b.kind !== 'heading'))
      .map((b) => b.text),
  ];
  const words = texts.reduce((sum, text) => sum + countWords(text), 0);
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

export function formatReadingTime(minutes: number): string {
  return `${minutes} min read`;
}
