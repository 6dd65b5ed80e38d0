import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  articleBlocks,
  compareWithSource,
  formatReport,
  readSourceArticle,
} from '../support/article-text.ts';
import { chapterSlugsInOrder } from '../support/chapters.ts';

const DIST = new URL('../../dist/', import.meta.url);
const CHAPTER_ORDER = chapterSlugsInOrder();

describe('the built chapters carry the article word for word', () => {
  const source = readSourceArticle();

  it('has built chapters to compare (run `npm run build` first)', () => {
    expect(existsSync(new URL('chapters/', DIST))).toBe(true);
    expect(readdirSync(new URL('chapters/', DIST)).sort()).toEqual([...CHAPTER_ORDER].sort());
  });

  it('contains every sentence and heading of the source exactly once, unchanged', () => {
    const blocks = CHAPTER_ORDER.flatMap((slug) =>
      articleBlocks(readFileSync(new URL(`chapters/${slug}/index.html`, DIST), 'utf8')),
    );
    const report = compareWithSource(source, blocks);
    expect(formatReport(report), 'sentences missing, altered or duplicated').toBe('');
  });

  it('gives the home page the article’s title as its heading', () => {
    const { document } = parseHTML(readFileSync(new URL('index.html', DIST), 'utf8'));
    expect([...document.querySelectorAll('h1')].map((h1) => h1.textContent?.trim())).toEqual([
      source.title,
    ]);
  });
});

describe('the fidelity check itself', () => {
  const source = readSourceArticle();
  const allBlocks = [...source.headings, ...source.sentences];

  it('reads all of the source: 34 headings and 107 sentences', () => {
    expect(source.headings).toHaveLength(34);
    expect(source.sentences).toHaveLength(107);
    expect(source.sentences).toContain('Baku denied involvement.');
  });

  it('names a sentence that was altered, one that is missing and one that is duplicated', () => {
    const altered = allBlocks.map((b) => b.replace('killing 38 people', 'killing 39 people'));
    const withoutOne = altered.filter((b) => b !== 'Baku denied involvement.');
    const withDuplicate = [...withoutOne, 'Türkiye supports Baku’s stance.'];
    const report = compareWithSource(source, withDuplicate);
    const text = formatReport(report);
    expect(text).toContain(
      'ALTERED: "The aircraft crash-landed in Kazakhstan, killing 38 people."',
    );
    expect(text).toContain('built: "The aircraft crash-landed in Kazakhstan, killing 39 people."');
    expect(text).toContain('MISSING: "Baku denied involvement."');
    expect(text).toContain('DUPLICATED ×2: "Türkiye supports Baku’s stance."');
    expect(report.missing).toHaveLength(2);
  });

  it('accepts the source compared with itself', () => {
    expect(formatReport(compareWithSource(source, allBlocks))).toBe('');
  });
});
