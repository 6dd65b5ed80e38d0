import { describe, expect, it } from 'vitest';
import { formatReadingTime, readingMinutes, WORDS_PER_MINUTE } from '../../src/lib/reading-time.ts';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('reading time', () => {
  it('counts prose words at the reading pace, rounding to the nearest minute, never below one', () => {
    expect(readingMinutes(words(WORDS_PER_MINUTE * 3))).toBe(3);
    expect(readingMinutes(words(WORDS_PER_MINUTE * 2.6))).toBe(3);
    expect(readingMinutes(words(WORDS_PER_MINUTE * 2.4))).toBe(2);
    expect(readingMinutes('A few words.')).toBe(1);
  });

  it('ignores frontmatter, fenced diagrams, imports and JSX tags', () => {
    const prose = words(WORDS_PER_MINUTE * 2);
    const noise = words(WORDS_PER_MINUTE * 5);
    const mdx = [
      '---',
      `summary: ${noise}`,
      '---',
      "import Claim from '../components/Claim.astro';",
      prose,
      '```mermaid',
      noise,
      '```',
      '<Claim status="verified">',
      '</Claim>',
    ].join('\n');
    expect(readingMinutes(mdx)).toBe(2);
  });

  it('formats minutes for readers', () => {
    expect(formatReadingTime(4)).toBe('4 min read');
  });
});
