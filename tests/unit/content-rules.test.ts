import { describe, expect, it, vi } from 'vitest';
import { chapterId, type ArticleChapter } from '../../src/article/chapters.ts';
import {
  chapterFidelityProblems,
  closestSentence,
  firstDifference,
} from '../../src/article/fidelity.ts';
import { describeWhatMoved, whatMoved } from '../../src/article/moves.ts';
import { parseChapter } from '../../src/article/outline.ts';
import { parseSource } from '../../src/article/source.ts';
import { actorSchema } from '../../src/facts/actor.ts';
import { checkedYamlParser, parseDataFile, plainEventSchema } from '../../src/facts/files.ts';
import { buildFacts, type FactsInput } from '../../src/facts/graph.ts';

/** A small project in memory: an article, one chapter telling it, the data about it. */
const ARTICLE = [
  'A Title',
  'The Crisis',
  'The crisis began on 25 December 2025. Moscow’s reply came in 2026. Baku objected.',
].join('\n');
const chapterText = (body: string, frontmatter = '') =>
  ['---', 'title: "The Crisis"', 'order: 1', frontmatter, '---', '', body].join('\n');
const BODY = 'The crisis began on 25 December 2025. Moscow’s reply came in 2026. Baku objected.';
const ACTORS = [
  'azerbaijan:',
  '  name: Azerbaijan',
  '  kind: state',
  '  aliases: [Baku]',
  '  description: A state the article is about, in twenty characters.',
  '  sources: [Baku objected.]',
  'russia:',
  '  name: Russia',
  '  kind: state',
  '  aliases: [Moscow]',
  '  description: A state the article names, in twenty characters.',
  '  sources: [Moscow’s reply came in 2026.]',
].join('\n');
const event = (id: string, date: string, precision: string, quote: string, actors = 'russia') =>
  [
    `${id}:`,
    `  date: '${date}'`,
    `  precision: ${precision}`,
    '  title: Something happens',
    `  quote: ${quote}`,
    '  chapter: crisis',
    `  actors: [${actors}]`,
  ].join('\n');

const FILE = 'content/chapters/crisis.mdx';
function chapter(text: string, source?: 'editors', file = FILE): ArticleChapter {
  return {
    id: chapterId(file),
    title: 'The Crisis',
    order: 1,
    source,
    outline: parseChapter(file, text),
  };
}
function problems(events: string[], actors = ACTORS, body = BODY): string[] {
  const found: string[] = [];
  const input: FactsInput = {
    actors: parseDataFile('content/actors.yaml', actors, actorSchema, found),
    events: parseDataFile('content/events.yaml', events.join('\n'), plainEventSchema, found),
    chapters: [chapter(chapterText(body))],
    article: parseSource(ARTICLE),
  };
  expect(found).toEqual([]);
  const result = buildFacts(input);
  return result.ok ? [] : result.problems;
}
const begins = event(
  'begins',
  '2025-12-25',
  'day',
  'The crisis began on 25 December 2025.',
  'azerbaijan',
);
const reply = event('reply', '2026', 'year', 'Moscow’s reply came in 2026.');

describe('event rules the build enforces, each saying how to fix it', () => {
  it('accepts dated quotes in time order, and a date from the neighbouring sentence when both are quoted', () => {
    expect(problems([begins, reply])).toEqual([]);
    expect(
      problems([
        begins,
        event(
          'objects',
          '2026',
          'year',
          'Moscow’s reply came in 2026. Baku objected.',
          'azerbaijan',
        ),
      ]),
    ).toEqual([]);
  });

  it('refuses a date the quote does not give, at the date’s line', () => {
    expect(
      problems([begins, event('objects', '2026', 'year', 'Baku objected.', 'azerbaijan')]),
    ).toEqual([
      expect.stringMatching(
        /^content\/events\.yaml:9: event "objects": the date "2026" is not in the quote; .*quote the consecutive sentences together/,
      ),
    ]);
    expect(
      problems([
        event('begins', '2025-12-24', 'day', 'The crisis began on 25 December 2025.', 'azerbaijan'),
      ])[0],
    ).toMatch(/the date "24 December 2025" is not in the quote/);
  });

  it('reads the order from the file, whatever order the entries come in', () => {
    const found: string[] = [];
    const input: FactsInput = {
      actors: parseDataFile('content/actors.yaml', ACTORS, actorSchema, found),
      events: parseDataFile(
        'content/events.yaml',
        [begins, reply].join('\n'),
        plainEventSchema,
        found,
      ),
      chapters: [chapter(chapterText(BODY))],
      article: parseSource(ARTICLE),
    };
    const shuffled = {
      ...input,
      events: { ...input.events, entries: [...input.events.entries].reverse() },
    };
    expect(buildFacts(shuffled).ok).toBe(true);
  });

  it('refuses events out of time order, stating the rule', () => {
    expect(problems([reply, begins])).toEqual([
      expect.stringMatching(
        /^content\/events\.yaml:9: event "begins" \(25 December 2025\) is listed after "reply" \(2026\); content\/events\.yaml lists events in chronological order — by the last day each date allows/,
      ),
    ]);
  });

  it('refuses an alias the text never writes', () => {
    expect(
      problems([begins], ACTORS.replace('aliases: [Baku]', 'aliases: [Baku, Siunik]')),
    ).toEqual([
      'content/actors.yaml:4: actor "azerbaijan": "Siunik" is never written in the article\'s chapters, yet the actor page would say "Also named in the text: Siunik". Remove it from aliases, or spell it exactly as the article does.',
    ]);
  });

  it('shows a misquote’s closest article sentence and the first differing character', () => {
    const [problem] = problems([
      begins,
      event('reply', '2026', 'year', "Moscow's reply came in 2026."),
    ]);
    expect(problem).toContain(
      'the closest sentence of the article is "Moscow’s reply came in 2026." (first difference at character 7: \' (U+0027) where the article has ’ (U+2019))',
    );
    expect(problem).toMatch(
      /^content\/events\.yaml:12: event "reply": the quote is not word for word/,
    );
  });

  it('suggests the closest id, and names the actor an alias belongs to', () => {
    expect(
      problems([
        event('begins', '2025-12-25', 'day', 'The crisis began on 25 December 2025.', 'Baku'),
      ])[0],
    ).toContain('unknown actor "Baku"; Baku is an alias of azerbaijan: use the id "azerbaijan"');
    expect(
      problems([
        event('begins', '2025-12-25', 'day', 'The crisis began on 25 December 2025.', 'azerbaijn'),
      ])[0],
    ).toContain('unknown actor "azerbaijn"; did you mean "azerbaijan"?');
    expect(problems([begins.replace('chapter: crisis', 'chapter: crises')])[0]).toContain(
      'unknown chapter "crises"; did you mean "crisis"?',
    );
  });
});

describe('the article both ways, from the chapters’ model', () => {
  const source = parseSource(ARTICLE);

  it('accepts the article, an <EditorsNote> passage and a chapter of the editors’ own', () => {
    const withNote = `${BODY}\n\n<EditorsNote>\nThe editors add this. And this.\n</EditorsNote>\n`;
    const editors = chapter(
      chapterText('Words of our own. More of them.', 'source: editors'),
      'editors',
      'content/chapters/notes.mdx',
    );
    expect(chapterFidelityProblems(source, [chapter(chapterText(withNote)), editors])).toEqual([]);
    expect(
      chapter(chapterText(withNote)).outline.editorsNotes.map((n) => [
        n.line,
        n.sentences.map((s) => s.text),
      ]),
    ).toEqual([[9, ['The editors add this.', 'And this.']]]);
  });

  it('names the file and line of a sentence that is not the article’s, and its closest sentence', () => {
    const text = chapterText(
      `${BODY}\n\nA sentence of our own.\n\nThe crisis begun on 25 December 2025.`,
    );
    expect(chapterFidelityProblems(source, [chapter(text)])).toEqual(
      [
        'content/chapters/crisis.mdx:9: this sentence is not the article’s: "A sentence of our own.". Restore the article’s words, or wrap the editors’ own words in <EditorsNote>…</EditorsNote>.',
        'content/chapters/crisis.mdx:11: this sentence is not the article’s: "The crisis begun on 25 December 2025."; the closest sentence of the article is "The crisis began on 25 December 2025." (first difference at character 15: u (U+0075) where the article has a (U+0061)). Restore the article’s words, or wrap the editors’ own words in <EditorsNote>…</EditorsNote>.',
        'content/chapters/crisis.mdx:7, content/chapters/crisis.mdx:11: the article’s sentence stands 2 times in the chapters, once in the article: "The crisis began on 25 December 2025.". Keep one.',
      ].slice(0, 2),
    );
  });

  it('names an article sentence that no chapter tells, or tells twice', () => {
    const missing = chapterFidelityProblems(source, [
      chapter(chapterText('Moscow’s reply came in 2026. Baku objected.')),
    ]);
    expect(missing).toEqual([
      'content/source/article.txt:3: this sentence of the article is in no chapter: "The crisis began on 25 December 2025.". Put it back, word for word, in the chapter that tells its section.',
    ]);
    const twice = chapterFidelityProblems(source, [
      chapter(chapterText(`${BODY}\n\nBaku objected.`)),
    ]);
    expect(twice).toEqual([
      'content/chapters/crisis.mdx:7, content/chapters/crisis.mdx:9: the article’s sentence stands 2 times in the chapters, once in the article: "Baku objected.". Keep one.',
    ]);
  });

  it('lists an editors’ chapter as such in what moved, not as a moved section', () => {
    const editors = {
      ...chapter(
        chapterText('Words of our own.', 'source: editors'),
        'editors',
        'content/chapters/notes.mdx',
      ),
      id: 'notes',
      title: 'Notes',
      order: 2,
    };
    const what = whatMoved(source, [chapter(chapterText(BODY)), editors]);
    expect(what.moves).toEqual([]);
    expect(what.editorsChapters.map((c) => c.id)).toEqual(['notes']);
    expect(describeWhatMoved(what).editorsChapters).toBe(
      'Chapter 2, “Notes” is the editors’ own text, not part of the article, and labelled so on its page.',
    );
  });

  it('finds the closest sentence and the first difference', () => {
    expect(closestSentence('Baku objects.', ['Baku objected.', 'The crisis began.'])).toBe(
      'Baku objected.',
    );
    expect(firstDifference('Baku', 'Baku.')).toBe(
      'first difference at character 5: the end where the article has . (U+002E)',
    );
  });
});

describe('the data files as Astro loads them', () => {
  it('prints schema problems with the file and the line of the field, before Astro’s own error', () => {
    const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const parse = checkedYamlParser('content/events.yaml', plainEventSchema);
    const entries = parse(begins.replace('precision: day', 'precision: daily'));
    expect(Object.keys(entries)).toEqual(['begins']);
    expect(printed.mock.calls.join('\n')).toMatch(
      /^1 problem\(s\) in content\/events\.yaml:\n {2}- content\/events\.yaml:3: "begins": precision: /,
    );
    printed.mockRestore();
  });
});
