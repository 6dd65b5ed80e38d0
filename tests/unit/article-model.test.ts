import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CHAPTERS_DIR,
  frontmatterOf,
  readArticle,
  readChapterList,
  textInReadingOrder,
} from '../../src/article/chapters.ts';
import { parseChapter, parseChapterHead } from '../../src/article/outline.ts';
import {
  formatReadingTime,
  readingMinutes,
  WORDS_PER_MINUTE,
} from '../../src/article/reading-time.ts';
import { findPassage, parseSource, SOURCE_FILE } from '../../src/article/source.ts';
import { normalise, sentences } from '../../src/article/text.ts';

describe('the text rules', () => {
  it('reads white space as a reader does', () => {
    expect(normalise('  Baku\u00a0 and\n\tMoscow ')).toBe('Baku and Moscow');
  });

  it('ends a sentence at . ? or ! before a capital or an opening quote, and nowhere else', () => {
    expect(
      sentences('It began. Was it war? “Yes!” he said. 3.5 per cent rose. “Quoted.” Then'),
    ).toEqual([
      'It began.',
      'Was it war?',
      '“Yes!” he said. 3.5 per cent rose.',
      // A closing quote after the stop does not end the sentence: the article has none.
      '“Quoted.” Then',
    ]);
  });
});

describe('the source reader', () => {
  const source = parseSource(
    [
      'The Title: A Subtitle',
      '',
      'A Heading',
      'First sentence. Second sentence.',
      '- an item',
      'Another Heading — With a Dash',
      'A paragraph without a final stop, like one of the article',
    ].join('\n'),
    'article.txt',
  );

  it('reads the title, headings, list items and paragraphs with their lines', () => {
    expect(source.title).toEqual({ text: 'The Title: A Subtitle', line: 1 });
    expect(source.blocks.map((b) => [b.kind, b.line, b.text])).toEqual([
      ['heading', 3, 'A Heading'],
      ['paragraph', 4, 'First sentence. Second sentence.'],
      ['item', 5, 'an item'],
      ['heading', 6, 'Another Heading — With a Dash'],
      ['heading', 7, 'A paragraph without a final stop, like one of the article'],
    ]);
    expect(source.sentences.map((s) => [s.index, s.kind, s.text])).toEqual([
      [0, 'title', 'The Title: A Subtitle'],
      [1, 'heading', 'A Heading'],
      [2, 'paragraph', 'First sentence.'],
      [3, 'paragraph', 'Second sentence.'],
      [4, 'item', 'an item'],
      [5, 'heading', 'Another Heading — With a Dash'],
      [6, 'heading', 'A paragraph without a final stop, like one of the article'],
    ]);
    expect(source.sections.map((s) => [s.heading?.text, s.blocks.length])).toEqual([
      ['A Heading', 2],
      ['Another Heading — With a Dash', 0],
      ['A paragraph without a final stop, like one of the article', 0],
    ]);
  });

  it('finds a passage only as whole, consecutive sentences', () => {
    expect(findPassage(source.sentences, ['First sentence.', 'Second sentence.'])).toBe(2);
    expect(findPassage(source.sentences, ['Second sentence.'])).toBe(3);
    expect(findPassage(source.sentences, ['First sentence'])).toBeUndefined();
    expect(findPassage(source.sentences, ['Second sentence.', 'First sentence.'])).toBeUndefined();
  });
});

describe('a chapter outline', () => {
  const mdx = [
    '---',
    'title: "A Chapter"',
    'order: 1',
    '---',
    '',
    "import Claim from '../../src/components/Claim.astro';",
    '',
    'Lead-in about **Russia**. {/* an editors’ comment */}',
    '',
    '## First Section',
    '',
    'It happened. Baku denied involvement. <Claim status="denied" by="Baku" /> Then',
    'more, on the next line.',
    '',
    '```mermaid',
    'graph LR; Türkiye --> Israel',
    '## not a heading',
    '```',
    '',
    '### A Sub-Section',
    '',
    '- a list item with [a link](/chapters/energy/)',
    '- <Claim status="alleged" /> a label before its sentence',
    '',
    '## First Section',
    '',
    'It was <Claim status={"alleged"} /> alleged.',
  ].join('\n');
  const outline = parseChapter('content/chapters/x.mdx', mdx);

  it('cuts the prose at ## and ### headings, giving each the id the page renders', () => {
    expect(outline.frontmatter).toEqual({ yaml: 'title: "A Chapter"\norder: 1', line: 2 });
    expect(outline.headings).toEqual([
      { depth: 2, text: 'First Section', id: 'first-section', line: 10 },
      { depth: 3, text: 'A Sub-Section', id: 'a-sub-section', line: 20 },
      { depth: 2, text: 'First Section', id: 'first-section-1', line: 25 },
    ]);
    expect(
      outline.sections.map((s) => [s.heading?.id, s.blocks.map((b) => [b.kind, b.line, b.text])]),
    ).toEqual([
      [undefined, [['paragraph', 8, 'Lead-in about Russia.']]],
      [
        'first-section',
        [['paragraph', 12, 'It happened. Baku denied involvement. Then more, on the next line.']],
      ],
      [
        'a-sub-section',
        [
          ['item', 22, 'a list item with a link'],
          ['item', 23, 'a label before its sentence'],
        ],
      ],
      ['first-section-1', [['paragraph', 27, 'It was alleged.']]],
    ]);
  });

  it('keeps each sentence with the line it starts on and the labels written after it', () => {
    const [first] = outline.sections[1]?.blocks ?? [];
    expect(first?.sentences).toEqual([
      { text: 'It happened.', line: 12, claims: [] },
      {
        text: 'Baku denied involvement.',
        line: 12,
        claims: [{ type: 'claim', status: 'denied', by: 'Baku', line: 12, column: 39 }],
      },
      { text: 'Then more, on the next line.', line: 12, claims: [] },
    ]);
  });

  it('keeps a label that follows no whole sentence apart, and reads only plain attribute values', () => {
    expect(outline.strayClaims).toEqual([
      { type: 'claim', status: 'alleged', by: undefined, line: 23, column: 3 },
      { type: 'claim', status: undefined, by: undefined, line: 27, column: 8 },
    ]);
  });

  it('lists every component written, at any depth, with its line and plain attributes', () => {
    const withMap = parseChapter(
      'content/chapters/x.mdx',
      `${mdx}\n\n<PlaceMap id="energy" wide />\n\n> quoted <Marker at={1} />`,
    );
    expect(withMap.components).toEqual([
      { name: 'Claim', line: 12, attributes: { status: 'denied', by: 'Baku' } },
      { name: 'Claim', line: 23, attributes: { status: 'alleged' } },
      { name: 'Claim', line: 27, attributes: { status: undefined } },
      { name: 'PlaceMap', line: 29, attributes: { id: 'energy', wide: true } },
      { name: 'Marker', line: 31, attributes: { at: undefined } },
    ]);
  });

  it('names the file and line of an MDX syntax error', () => {
    expect(() => parseChapter('content/chapters/x.mdx', 'Text\n\nEnergy <politics')).toThrow(
      /^content\/chapters\/x\.mdx:3:/,
    );
  });
});

/** A project folder holding a copy of the article: the chapters and the source text. */
const copies: string[] = [];
afterAll(() => copies.forEach((root) => rmSync(root, { recursive: true, force: true })));

function copyOfChapters(): string {
  const root = mkdtempSync(join(tmpdir(), 'chapters-'));
  copies.push(root);
  for (const dir of [CHAPTERS_DIR, dirname(SOURCE_FILE)])
    cpSync(dir, join(root, dir), { recursive: true });
  return root;
}

describe('the chapters of the article', () => {
  const { source, chapters } = readArticle();

  it('are read in their order, 1, 2, 3… from the frontmatter', () => {
    expect(chapters.map((c) => c.order)).toEqual(chapters.map((_, i) => i + 1));
    expect(chapters.every((c) => c.title === c.data.title)).toBe(true);
  });

  it('are listed from their frontmatter alone as the whole read gives them', () => {
    const whole = chapters.map(({ id, title, order, source, data }) => ({
      id,
      title,
      order,
      source,
      data,
    }));
    // In a copy no read has seen: the listing must come from the frontmatter alone, not from what
    // the whole read kept.
    expect(readChapterList(copyOfChapters())).toEqual(whole);
  });

  it('are listed again from what a read kept, unless a file changed since', () => {
    const root = copyOfChapters();
    const read = readArticle(root).chapters;
    const file = join(root, CHAPTERS_DIR, `${read[0]!.id}.mdx`);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(`title: "${read[0]!.title}"`, 'title: "Changed since"'),
    );
    const listed = readChapterList(root);
    expect(listed[0]!.title).toBe('Changed since');
    expect(listed[1]!.data).toBe(read[1]!.data);
  });

  it('tell every heading and sentence of the source exactly once', () => {
    const told = chapters.flatMap(textInReadingOrder);
    const counts = new Map<string, number>();
    for (const text of told) counts.set(text, (counts.get(text) ?? 0) + 1);
    const wrong = source.sentences
      .filter((s) => s.kind !== 'title' && counts.get(s.text) !== 1)
      .map((s) => `${source.file}:${s.line}: ×${counts.get(s.text) ?? 0} "${s.text}"`);
    expect(wrong).toEqual([]);
  });
});

describe('reading time', () => {
  const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
  const minutes = (mdx: string) => readingMinutes(parseChapter('x.mdx', mdx));

  it('counts prose words at the reading pace, rounding to the nearest minute, never below one', () => {
    expect(minutes(words(WORDS_PER_MINUTE * 3))).toBe(3);
    expect(minutes(words(WORDS_PER_MINUTE * 2.6))).toBe(3);
    expect(minutes(words(WORDS_PER_MINUTE * 2.4))).toBe(2);
    expect(minutes('A few words.')).toBe(1);
  });

  it('ignores frontmatter, fenced diagrams, imports and components', () => {
    const prose = words(WORDS_PER_MINUTE * 2);
    const noise = words(WORDS_PER_MINUTE * 5);
    const mdx = [
      '---',
      `summary: ${noise}`,
      '---',
      "import Claim from '../components/Claim.astro';",
      '',
      prose,
      '',
      '```mermaid',
      noise,
      '```',
      '',
      '<Aside>',
      noise,
      '</Aside>',
    ].join('\n');
    expect(minutes(mdx)).toBe(2);
  });

  it('formats minutes for readers', () => {
    expect(formatReadingTime(4)).toBe('4 min read');
  });
});

describe('a chapter frontmatter with mistakes', () => {
  const file = 'content/chapters/sample.mdx';
  const frontmatter = (...lines: string[]) =>
    frontmatterOf(parseChapter(file, ['---', ...lines, '---', '', 'Text.', ''].join('\n')));
  const editorial = ['title: "A note"', 'order: 9', 'source: editors'];
  const summary = 'summary: "What this note covers, in the editors\' words."';

  it('names every missing field at the opening line, with what to write', () => {
    expect(() => frontmatter(...editorial)).toThrow(
      new RegExp(
        [
          `^${file}:1: frontmatter field "summary" is missing: add a line \`summary: …\` between the --- lines\\. It is one or two sentences`,
          `${file}:1: frontmatter field "period" is missing: .*`,
        ].join('.*\\n'),
      ),
    );
  });

  it('names the line of a wrong or unknown field', () => {
    expect(() => frontmatter(...editorial, summary, 'period: "25"', 'colour: red')).toThrow(
      `${file}:6: frontmatter field "period": Too small: expected string to have >=4 characters. It is the stretch of time`,
    );
    expect(() => frontmatter(...editorial, summary, 'period: "2020s"', 'colour: red')).toThrow(
      `${file}:7: frontmatter has an unknown field "colour": remove it or correct its name (the fields are title, order, summary, period, source, sources).`,
    );
  });

  it('a chapter without frontmatter is told how to start one', () => {
    for (const parse of [parseChapter, parseChapterHead])
      expect(() => frontmatterOf(parse(file, 'Text.\n'))).toThrow(
        `${file}:1: the chapter has no frontmatter: start the file with a --- line`,
      );
  });

  it('reading the frontmatter alone finds the same mistakes on the same lines', () => {
    const text = ['---', 'title: "A Chapter"', 'order: 0', '---', '', 'Text.', ''].join('\n');
    const messageOf = (read: () => unknown): string | undefined => {
      try {
        read();
      } catch (error) {
        return (error as Error).message;
      }
      return undefined;
    };
    const whole = messageOf(() => frontmatterOf(parseChapter(file, text)));
    expect(whole).toContain(`${file}:3: frontmatter field "order"`);
    expect(messageOf(() => frontmatterOf(parseChapterHead(file, text)))).toBe(whole);
  });
});
