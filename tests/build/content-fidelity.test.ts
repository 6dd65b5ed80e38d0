import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../src/article/chapters.ts';
import { compareWithSource, formatReport } from '../../src/article/fidelity.ts';
import { normalise } from '../../src/article/text.ts';
import { articleBlocks } from '../support/article-html.ts';

const DIST = new URL('../../dist/', import.meta.url);
const { source, chapters } = readArticle();

describe('the built chapters carry the article word for word', () => {
  it('has built chapters to compare (run `npm run build` first)', () => {
    expect(existsSync(new URL('chapters/', DIST))).toBe(true);
    expect(readdirSync(new URL('chapters/', DIST)).sort()).toEqual(
      chapters.map((c) => c.id).sort(),
    );
  });

  it('contains every sentence and heading of the source exactly once, unchanged', () => {
    const blocks = chapters.flatMap(({ id }) =>
      articleBlocks(readFileSync(new URL(`chapters/${id}/index.html`, DIST), 'utf8')),
    );
    const report = compareWithSource(source, blocks);
    expect(formatReport(report), 'sentences missing, altered or duplicated').toBe('');
  });

  it('gives each heading the id the article model computes (events and mentions link to them)', () => {
    for (const { id, outline } of chapters) {
      const { document } = parseHTML(
        readFileSync(new URL(`chapters/${id}/index.html`, DIST), 'utf8'),
      );
      const rendered = [
        ...document.querySelectorAll('[data-chapter-body] :is(h1, h2, h3, h4, h5, h6)'),
      ].map((h) => `${h.tagName.toLowerCase()}#${h.id} ${normalise(h.textContent ?? '')}`);
      expect(rendered, id).toEqual(outline.headings.map((h) => `h${h.depth}#${h.id} ${h.text}`));
    }
  });

  it('gives the home page the article’s title as its heading', () => {
    const { document } = parseHTML(readFileSync(new URL('index.html', DIST), 'utf8'));
    expect([...document.querySelectorAll('h1')].map((h1) => h1.textContent?.trim())).toEqual([
      source.title.text,
    ]);
  });
});

describe('the fidelity check itself', () => {
  const units = source.sentences.filter((s) => s.kind !== 'title').map((s) => s.text);

  it('names a sentence that was altered, one that is missing and one that is duplicated', () => {
    const altered = units.map((b) => b.replace('killing 38 people', 'killing 39 people'));
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
    expect(formatReport(compareWithSource(source, units))).toBe('');
  });
});
