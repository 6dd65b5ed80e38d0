import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it, expect } from 'vitest';
import { indexableHtml, indexedText } from '../../src/search/indexed-html.ts';
import {
  buildVocabulary,
  readSpellings,
  SPELLINGS_FILE,
  VOCABULARY_PATH,
  vocabularyWriter,
  type Spellings,
} from '../../src/search/vocabulary.ts';

const page = (body: string) =>
  `<!doctype html><html lang="en-GB"><head><title>Head words</title></head><body>${body}</body></html>`;

const none: Spellings = { names: [], britishAmerican: [] };

describe('indexedText', () => {
  it('reads only the marked body, as Pagefind does', () => {
    const text = indexedText(
      page(`<nav>Navigation</nav>
        <article data-pagefind-body><h1>Energy</h1><p>Gas to <em>Europe</em></p>
          <p data-pagefind-ignore>Chapter 4</p>
          <svg><text>Diagram label</text></svg><script>code()</script>
          <footer>Footer</footer></article>
        <aside>Aside</aside>`),
    );
    expect(text?.split(/\s+/).filter(Boolean)).toEqual(['Energy', 'Gas', 'to', 'Europe']);
  });

  it('ends a word at the end of a block', () => {
    expect(indexedText(page('<div data-pagefind-body><h2>Kyiv</h2><p>Baku</p></div>'))).toMatch(
      /Kyiv\s+Baku/,
    );
  });

  it('gives nothing for a page without a marked body', () => {
    expect(indexedText(page('<p>Contents page</p>'))).toBeUndefined();
    expect(indexedText(page('<p>About data-pagefind-body</p>'))).toBeUndefined();
  });

  it('reads the body mark in any case, as HTML does', () => {
    expect(indexedText(page('<div DATA-Pagefind-Body><p>Baku</p></div>'))).toMatch(/Baku/);
  });
});

describe('indexableHtml', () => {
  it('lets Pagefind split words at a closed-up dash, in the body only', () => {
    const html = page(
      '<p>Armenia–Azerbaijan</p><article data-pagefind-body><p>a tightrope—carefully, 1990–2000 and Armenia–Azerbaijan</p></article>',
    );
    const indexable = indexableHtml(html);
    expect(indexedText(indexable)).toContain(
      'tightrope—\u200Acarefully, 1990–2000 and Armenia–\u200AAzerbaijan',
    );
    expect(indexable).toContain('<p>Armenia–Azerbaijan</p>');
  });

  it('leaves out the drawings, which Pagefind never reads, and keeps the rest as written', () => {
    const figure = (n: number) =>
      `<figure><svg viewBox="0 0 9 9"><g><path d="M0 0"/><text>Label ${n}</text></g></svg><figcaption>Caption ${n}</figcaption></figure>`;
    const html = page(`<article data-pagefind-body>${figure(1)}<p>Baku</p>${figure(2)}</article>`);
    const indexable = indexableHtml(html);
    expect(indexable).toBe(
      page(
        '<article data-pagefind-body><figure><figcaption>Caption 1</figcaption></figure><p>Baku</p><figure><figcaption>Caption 2</figcaption></figure></article>',
      ),
    );
    expect(indexedText(indexable)).toBe(indexedText(html));
  });

  it('hands over a page with nothing to split unchanged', () => {
    const html = page('<article data-pagefind-body><p>Baku — Moscow</p></article>');
    expect(indexableHtml(html)).toBe(html);
  });
});

describe('buildVocabulary', () => {
  it('counts each word under its most frequent spelling, possessives and accents folded in', () => {
    const vocabulary = buildVocabulary(
      ['Azerbaijan’s gas. Azerbaijan and azerbaijan', 'Türkiye, Türkiye’s, Turkiye and the gas'],
      none,
    );
    const counts = Object.fromEntries(vocabulary.words.map((w, i) => [w, vocabulary.counts[i]]));
    expect(counts).toEqual({ Azerbaijan: 3, Türkiye: 3, gas: 2, and: 2, the: 1 });
    // Most frequent first, then alphabetical.
    expect(vocabulary.words).toEqual(['Azerbaijan', 'Türkiye', 'and', 'gas', 'the']);
  });

  it('adds the other spellings of names, pointing at the text’s word', () => {
    const vocabulary = buildVocabulary(['the embassy in Kyiv'], {
      names: [{ variant: 'kiev', word: 'Kyiv', line: 3 }],
      britishAmerican: [],
    });
    expect(vocabulary.alternatives).toEqual({ kiev: 'Kyiv' });
  });

  it('derives British and American spellings both ways, keeping short words and the text’s own words', () => {
    const vocabulary = buildVocabulary(['defence neighbours color for normalisation sense'], {
      names: [],
      britishAmerican: [
        ['ence', 'ense'],
        ['our', 'or'],
        ['isa', 'iza'],
      ],
    });
    expect(vocabulary.alternatives).toMatchObject({
      defense: 'defence',
      neighbors: 'neighbours',
      colour: 'color',
      normalization: 'normalisation',
    });
    // "for" keeps too few letters before the change to become "four"; "sense" stays as it is.
    expect(vocabulary.alternatives).not.toHaveProperty('four');
    expect(Object.values(vocabulary.alternatives)).not.toContain('sense');
  });

  it('refuses a name that is not a word of the text, or a variant that is, naming the line', () => {
    expect(() =>
      buildVocabulary(['Kyiv'], {
        names: [{ variant: 'kiev', word: 'Kiyv', line: 7 }],
        britishAmerican: [],
      }),
    ).toThrow(`${SPELLINGS_FILE}:7: “Kiyv” is not a word of the indexed text`);
    expect(() =>
      buildVocabulary(['Kyiv and Kiev'], {
        names: [{ variant: 'kiev', word: 'Kyiv', line: 8 }],
        britishAmerican: [],
      }),
    ).toThrow(`${SPELLINGS_FILE}:8: “kiev” is itself a word of the indexed text`);
  });
});

describe('readSpellings', () => {
  it('reads the project’s own file', () => {
    const spellings = readSpellings(readFileSync(SPELLINGS_FILE, 'utf8'));
    expect(spellings.names).toContainEqual(
      expect.objectContaining({ variant: 'kiev', word: 'Kyiv' }),
    );
    expect(spellings.britishAmerican).toContainEqual(['ence', 'ense']);
  });

  it.each([
    ['names: [Kyiv]', 1, /`names:` maps the article’s spelling/],
    ['names:\n  Kyiv: Kiev', 2, /give “Kyiv” a list of the other spellings/],
    ['names:\n  Kyiv city: [Kiev]', 2, /“Kyiv city” must be one word/],
    ['names:\n  Kyiv:\n    - Kiev\n    - Old Kiev', 4, /“Old Kiev” must be one word/],
    ['british-american:\n  - [ence]', 2, /each British\/American pair is two different/],
    ['british-american:\n  - [our, our]', 2, /each British\/American pair is two different/],
    ['spelling:\n  Kyiv: [Kiev]', 1, /unknown key “spelling”/],
  ])('refuses %j at line %i', (text, line, message) => {
    expect(() => readSpellings(text, 'content/spellings.yaml')).toThrow(
      new RegExp(`^content/spellings\\.yaml:${line}: ${message.source}`),
    );
  });
});

describe('vocabularyWriter', () => {
  /** A project whose spellings name one word of the pages below. */
  const projects: string[] = [];
  afterAll(() => projects.forEach((root) => rmSync(root, { recursive: true, force: true })));

  function project(): string {
    const root = mkdtempSync(join(tmpdir(), 'vocabulary-'));
    projects.push(root);
    mkdirSync(join(root, 'content'));
    writeFileSync(join(root, SPELLINGS_FILE), 'names:\n  Kyiv: [Kiev]\nbritish-american: []\n');
    return root;
  }

  it('writes into the site what buildVocabulary makes of the pages it was handed one by one', async () => {
    const root = project();
    const site = join(root, 'dist');
    const pages = ['Kyiv and Baku', 'Baku’s pipeline to Baku'];
    const writer = vocabularyWriter(site, root);
    for (const text of pages) writer.add(text);
    const written = await writer.finish();
    const file = JSON.parse(readFileSync(join(site, VOCABULARY_PATH), 'utf8')) as unknown;
    const spellings = readSpellings(readFileSync(join(root, SPELLINGS_FILE), 'utf8'));
    expect(file).toEqual(buildVocabulary(pages, spellings));
    expect(written).toEqual({ words: 5, alternatives: 1, path: join('dist', VOCABULARY_PATH) });
  });

  it('refuses to write a vocabulary when no page marked a body', async () => {
    const root = project();
    await expect(vocabularyWriter(join(root, 'dist'), root).finish()).rejects.toThrow(
      /no page in .* marks a data-pagefind-body/,
    );
  });
});
