import { describe, expect, it } from 'vitest';
import { chapterId, type ArticleChapter } from '../../src/article/chapters.ts';
import { parseChapter } from '../../src/article/outline.ts';
import { parseSource } from '../../src/article/source.ts';
import { actorSchema } from '../../src/facts/actor.ts';
import {
  compareEventDates,
  dateGroup,
  describePrecisions,
  eventDateInData,
  formatDateInProse,
  formatEventDate,
  machineReadableDate,
  parseEventDate,
  type DatePrecision,
  type EventDate,
} from '../../src/facts/event-dates.ts';
import { parseDataFile, plainEventSchema } from '../../src/facts/files.ts';
import { buildFacts, formatProblems, type Facts, type FactsInput } from '../../src/facts/graph.ts';
import { createMentionFinder } from '../../src/facts/mentions.ts';
import { dateInText } from '../../src/facts/rules.ts';

const date = (text: string, precision: DatePrecision): EventDate => {
  const reading = parseEventDate(text, precision);
  if (!reading.ok) throw new Error(reading.problem);
  return reading.date;
};
const problemOf = (text: string, precision: DatePrecision) => {
  const reading = parseEventDate(text, precision);
  return reading.ok ? undefined : reading.problem;
};

describe('event dates', () => {
  it('reads each precision into exactly its parts and shows it as a reader would say it', () => {
    expect(date('2025-06-01', 'day')).toEqual({ precision: 'day', year: 2025, month: 6, day: 1 });
    expect(date('2024-12', 'month')).toEqual({ precision: 'month', year: 2024, month: 12 });
    expect(date('early 2025', 'season')).toEqual({
      precision: 'season',
      year: 2025,
      season: 'early',
    });
    expect(date('1999', 'year')).toEqual({ precision: 'year', year: 1999 });
    expect(date('1990s', 'decade')).toEqual({ precision: 'decade', decade: 1990 });
    expect(date('19th century', 'century')).toEqual({ precision: 'century', century: 19 });
    expect(formatEventDate(date('2025-06-01', 'day'))).toBe('1 June 2025');
    expect(formatEventDate(date('2024-12', 'month'))).toBe('December 2024');
    expect(formatEventDate(date('early 2025', 'season'))).toBe('Early 2025');
    expect(formatEventDate(date('1999', 'year'))).toBe('1999');
    expect(formatEventDate(date('1990s', 'decade'))).toBe('1990s');
    expect(formatEventDate(date('19th century', 'century'))).toBe('19th century');
    expect(formatEventDate(date('21st century', 'century'))).toBe('21st century');
    expect(formatEventDate(date('11th century', 'century'))).toBe('11th century');
    expect(formatEventDate(date('2nd century', 'century'))).toBe('2nd century');
  });

  it('writes a decade or a century into a sentence with “the”, and gives neither a datetime', () => {
    expect(formatDateInProse(date('1990s', 'decade'))).toBe('the 1990s');
    expect(formatDateInProse(date('19th century', 'century'))).toBe('the 19th century');
    expect(formatDateInProse(date('early 2025', 'season'))).toBe('early 2025');
    expect(formatDateInProse(date('2025-06-01', 'day'))).toBe('1 June 2025');
    expect(machineReadableDate(date('2025-06-01', 'day'))).toBe('2025-06-01');
    expect(machineReadableDate(date('2025-06', 'month'))).toBe('2025-06');
    expect(machineReadableDate(date('early 2025', 'season'))).toBe('2025');
    expect(machineReadableDate(date('1999', 'year'))).toBe('1999');
    expect(machineReadableDate(date('1990s', 'decade'))).toBeUndefined();
    expect(machineReadableDate(date('19th century', 'century'))).toBeUndefined();
  });

  it('finds a decade or a century in a quote as the article writes it', () => {
    expect(
      dateInText(date('1990s', 'decade'), 'Throughout the 1990s, Russia armed both sides.'),
    ).toBe(true);
    expect(dateInText(date('1990s', 'decade'), 'In 1999 it withdrew.')).toBe(false);
    expect(dateInText(date('19th century', 'century'), 'in the 19th century and later')).toBe(true);
    expect(dateInText(date('19th century', 'century'), 'a 19th-century empire')).toBe(true);
    expect(dateInText(date('19th century', 'century'), 'in the 1990s')).toBe(false);
  });

  it('writes each date back as the data file has it', () => {
    for (const [text, precision] of [
      ['2025-06-01', 'day'],
      ['2025-06', 'month'],
      ['early 2025', 'season'],
      ['1999', 'year'],
      ['1990s', 'decade'],
      ['19th century', 'century'],
    ] as const)
      expect(eventDateInData(date(text, precision))).toBe(text);
  });

  it('groups dates on the timeline by year, or by decade or century when that is all there is', () => {
    expect(dateGroup(date('2025-06-01', 'day'))).toEqual({ id: 'year-2025', label: '2025' });
    expect(dateGroup(date('early 2025', 'season'))).toEqual({ id: 'year-2025', label: '2025' });
    expect(dateGroup(date('1990s', 'decade'))).toEqual({ id: 'decade-1990s', label: '1990s' });
    expect(dateGroup(date('19th century', 'century'))).toEqual({
      id: 'century-19',
      label: '19th century',
    });
  });

  it('says how precisely the dates are given, leaving out precisions no date has', () => {
    const dates = [
      date('2025-06-01', 'day'),
      date('2024-12-25', 'day'),
      date('2025', 'year'),
      date('19th century', 'century'),
    ];
    expect(describePrecisions(dates)).toBe('2 to the day, 1 to the year and 1 to the century');
    expect(describePrecisions(dates.slice(2, 3))).toBe('1 to the year');
    expect(describePrecisions([])).toBe('');
  });

  it('rejects dates that do not fit their precision or do not exist', () => {
    expect(problemOf('2025-06', 'day')).toMatch(/not written like a day .*2025-06-01/);
    expect(problemOf('June 2025', 'month')).toMatch(/not written like a month/);
    expect(problemOf('2025-13', 'month')).toMatch(/no month 13/);
    expect(problemOf('2025-02-29', 'day')).toMatch(/February 2025 has 28 days/);
    expect(problemOf('around 2025', 'season')).toMatch(/not written like a season/);
    expect(problemOf('2024-02-29', 'day')).toBeUndefined();
    expect(problemOf('1995s', 'decade')).toMatch(/not written like a decade .*1990s/);
    expect(problemOf('the 1990s', 'decade')).toMatch(/not written like a decade/);
    expect(problemOf('19 century', 'century')).toMatch(/not written like a century .*19th century/);
    expect(problemOf('19st century', 'century')).toMatch(/expected "19th century"/);
    expect(problemOf('0th century', 'century')).toMatch(/not a century/);
    expect(problemOf('1990s', 'decade')).toBeUndefined();
    expect(problemOf('19th century', 'century')).toBeUndefined();
  });

  it('orders by the latest day a date allows, the precise one first on a tie; a decade or century opens its stretch', () => {
    const dates: [string, DatePrecision][] = [
      ['2025', 'year'],
      ['2025-06', 'month'],
      ['2025-06-01', 'day'],
      ['early 2025', 'season'],
      ['2024-12', 'month'],
      ['2024-12-25', 'day'],
      ['1999', 'year'],
      ['1990s', 'decade'],
      ['19th century', 'century'],
      ['1990', 'year'],
    ];
    const sorted = dates
      .map(([text, precision]) => date(text, precision))
      .sort(compareEventDates)
      .map(formatEventDate);
    expect(sorted).toEqual([
      '19th century',
      '1990s',
      '1990',
      '1999',
      '25 December 2024',
      'December 2024',
      'Early 2025',
      '1 June 2025',
      'June 2025',
      '2025',
    ]);
  });
});

describe('finding mentions', () => {
  const { find, conflicts } = createMentionFinder([
    { id: 'russia', name: 'Russia', aliases: ['Moscow', 'Kremlin'], demonyms: ['Russian'] },
    { id: 'azerbaijan', name: 'Azerbaijan', aliases: ['Baku'], demonyms: ['Azerbaijani'] },
    { id: 'airline', name: 'Azerbaijan Airlines', aliases: [], demonyms: [] },
    { id: 'turkiye', name: 'Türkiye', aliases: ['Turkey'], demonyms: ['Turkish'] },
  ]);
  const asObject = (text: string) =>
    Object.fromEntries([...find(text)].map(([id, terms]) => [id, Object.fromEntries(terms)]));

  it('matches whole words, with possessives and hyphens, and the longest name first', () => {
    expect(conflicts).toEqual([]);
    expect(
      asObject(
        'Russia’s war, Moscow-Baku ties, a Russian drone, Pro-Kremlin sources, an Azerbaijan Airlines plane',
      ),
    ).toEqual({
      russia: { Russia: 1, Moscow: 1, Russian: 1, Kremlin: 1 },
      azerbaijan: { Baku: 1 },
      airline: { 'Azerbaijan Airlines': 1 },
    });
  });

  it('finds both spellings of one actor and nothing inside longer words or in lower case', () => {
    expect(
      asObject(
        'Turkey, Türkiye’s side, Turkish drones; turkey; Russians, Russianness; Bakunin; Azerbaijani public',
      ),
    ).toEqual({
      turkiye: { Turkey: 1, Türkiye: 1, Turkish: 1 },
      azerbaijan: { Azerbaijani: 1 },
    });
  });

  it('names a term that two actors claim', () => {
    expect(
      createMentionFinder([
        { id: 'a', name: 'Baku', aliases: [], demonyms: [] },
        { id: 'b', name: 'Azerbaijan', aliases: ['Baku'], demonyms: [] },
      ]).conflicts,
    ).toEqual([{ term: 'Baku', first: 'a', second: 'b' }]);
  });
});

/** A small project in memory: an article, one chapter telling it, and the data about it. */
const ARTICLE = [
  'A Title',
  'The Azerbaijan Airlines Tragedy',
  'The recent crisis began on 25 December 2025.',
  'Operation Spiderweb — A Shadow War?',
  'It was alleged in June 2025. Baku denied involvement.',
].join('\n');
const CHAPTER = [
  '---',
  'title: "The Chain of Incidents"',
  'order: 1',
  '---',
  "import Claim from '../../src/components/Claim.astro';",
  '',
  '## The Azerbaijan Airlines Tragedy',
  '',
  'The recent crisis began on 25 December 2025.',
  '',
  '## Operation Spiderweb — A Shadow War?',
  '',
  'It was alleged in June 2025. Baku denied involvement. <Claim status="denied" by="Baku" />',
].join('\n');
const ACTORS = [
  'azerbaijan:',
  '  name: Azerbaijan',
  '  kind: state',
  '  aliases: [Baku]',
  '  description: A state the article is about, in twenty characters.',
  '  sources: [Baku denied involvement.]',
  'ukraine:',
  '  name: Ukraine',
  '  kind: state',
  '  description: A state the article names, in twenty characters.',
  '  sources: [The recent crisis began on 25 December 2024.]',
].join('\n');
const EVENTS = [
  '# comment',
  'good-event:',
  "  date: '2025-06'",
  '  precision: month',
  '  title: Baku denies it',
  '  quote: It was alleged in June 2025. Baku denied involvement.',
  '  chapter: incident-chain',
  '  section: operation-spiderweb--a-shadow-war',
  '  actors: [azerbaijan]',
  '',
  'crisis:',
  "  date: '2025-12-25'",
  '  precision: day',
  '  title: The crisis begins',
  '  quote: The recent crisis began on 25 December 2025.',
  '  chapter: incident-chain',
  '  section: the-azerbaijan-airlines-tragedy',
  '  actors: [azerbaijan, ukraine]',
].join('\n');

function project(changes: { events?: string; actors?: string; chapter?: string } = {}): FactsInput {
  const problems: string[] = [];
  const actors = parseDataFile(
    'content/actors.yaml',
    changes.actors ?? ACTORS,
    actorSchema,
    problems,
  );
  const events = parseDataFile(
    'content/events.yaml',
    changes.events ?? EVENTS,
    plainEventSchema,
    problems,
  );
  expect(problems).toEqual([]);
  const file = 'content/chapters/incident-chain.mdx';
  const chapter: ArticleChapter = {
    id: chapterId(file),
    title: 'The Chain of Incidents',
    order: 1,
    outline: parseChapter(file, changes.chapter ?? CHAPTER),
  };
  return { actors, events, chapters: [chapter], article: parseSource(ARTICLE) };
}
const problemsOf = (input: FactsInput) => {
  const result = buildFacts(input);
  return result.ok ? [] : result.problems;
};
const factsOf = (input: FactsInput): Facts => {
  const result = buildFacts(input);
  if (!result.ok) throw new Error(formatProblems(result.problems));
  return result.facts;
};
/** EVENTS with the `good-event` entry's line `key: …` replaced. */
const withGood = (key: string, value: string) =>
  EVENTS.replace(new RegExp(`^(good-event:[\\s\\S]*?\\n  ${key}:).*$`, 'm'), `$1 ${value}`);

describe('the facts graph', () => {
  const facts = factsOf(project());

  it('links events, actors, sections and labels, events in time order', () => {
    expect(facts.events.map((e) => [e.id, e.dateLabel, e.place.path])).toEqual([
      ['good-event', 'June 2025', 'chapters/incident-chain/#operation-spiderweb--a-shadow-war'],
      ['crisis', '25 December 2025', 'chapters/incident-chain/#the-azerbaijan-airlines-tragedy'],
    ]);
    const [azerbaijan, ukraine] = facts.actors;
    expect(azerbaijan?.events.map((e) => e.id)).toEqual(['good-event', 'crisis']);
    expect(ukraine?.events.map((e) => e.id)).toEqual(['crisis']);
    expect(facts.events[1]?.actors).toEqual([azerbaijan, ukraine]);
    expect(
      azerbaijan?.mentions.map((m) => [m.anchor, m.terms.map((t) => `${t.term}×${t.count}`)]),
    ).toEqual([
      ['the-azerbaijan-airlines-tragedy', ['Azerbaijan×1']],
      ['operation-spiderweb--a-shadow-war', ['Baku×1']],
    ]);
    expect(facts.actorsByChapter.get('incident-chain')).toEqual([azerbaijan]);
    expect(
      facts.labelledSentences.map((l) => [l.status, l.by, l.sentence, l.place.anchor]),
    ).toEqual([
      ['denied', 'Baku', 'Baku denied involvement.', 'operation-spiderweb--a-shadow-war'],
    ]);
  });
});

describe('build-time checks name the file, the line and the entry', () => {
  it('an unknown actor', () => {
    expect(problemsOf(project({ events: withGood('actors', '[azerbaijan, ukrane]') }))).toEqual([
      'content/events.yaml:9: event "good-event": unknown actor "ukrane"; did you mean "ukraine"?; actors are the ids in content/actors.yaml',
    ]);
  });

  it('a section anchor that does not exist, listing the ones that do', () => {
    expect(problemsOf(project({ events: withGood('section', 'operation-spiderweb') }))).toEqual([
      'content/events.yaml:8: event "good-event": section "#operation-spiderweb" does not exist in chapter "incident-chain" (its headings: the-azerbaijan-airlines-tragedy, operation-spiderweb--a-shadow-war)',
    ]);
  });

  it('a quote in the wrong section, naming the right one', () => {
    expect(
      problemsOf(project({ events: withGood('section', 'the-azerbaijan-airlines-tragedy') })),
    ).toEqual([
      'content/events.yaml:8: event "good-event": the quote is not in section "#the-azerbaijan-airlines-tragedy" of chapter "incident-chain"; it is in incident-chain#operation-spiderweb--a-shadow-war',
    ]);
  });

  it('a quote that is not whole sentences word for word, an unknown chapter, a missing section', () => {
    expect(problemsOf(project({ events: withGood('quote', 'Baku denies involvement.') }))).toEqual([
      'content/events.yaml:6: event "good-event": the quote is not word for word in content/source/article.txt (whole sentences, as the article writes them): "Baku denies involvement."; the closest sentence of the article is "Baku denied involvement." (first difference at character 11: s (U+0073) where the article has d (U+0064))',
    ]);
    expect(problemsOf(project({ events: withGood('quote', 'Baku denied') }))[0]).toMatch(
      /^content\/events\.yaml:6: event "good-event": the quote is not word for word/,
    );
    expect(problemsOf(project({ events: withGood('chapter', 'incidents') }))).toEqual([
      'content/events.yaml:7: event "good-event": unknown chapter "incidents" (chapters: incident-chain)',
    ]);
    expect(
      problemsOf(
        project({ events: EVENTS.replace('  section: operation-spiderweb--a-shadow-war\n', '') }),
      ),
    ).toEqual([
      'content/events.yaml:7: event "good-event": needs a section: the heading id in chapter "incident-chain" where the text tells it (one of: the-azerbaijan-airlines-tragedy, operation-spiderweb--a-shadow-war)',
    ]);
  });

  it('a label the sentence does not state, or that names someone the sentence does not', () => {
    const labelled = (label: string) =>
      EVENTS.replace(
        '  actors: [azerbaijan]\n',
        `  actors: [azerbaijan]\n  status:\n    - ${label}\n      sentence: Baku denied involvement.\n`,
      );
    expect(problemsOf(project({ events: labelled('label: verified') }))).toEqual([
      expect.stringMatching(
        /^content\/events\.yaml:11: event "good-event": the label "verified" needs a sentence that says so/,
      ),
    ]);
    expect(problemsOf(project({ events: labelled('label: denied\n      by: Moscow') }))).toEqual([
      'content/events.yaml:11: event "good-event": the label names "Moscow", who is not named in the sentence: "Baku denied involvement."',
    ]);
  });

  it('a claim label in a chapter that its sentence does not state, or that follows no sentence', () => {
    const chapter = CHAPTER.replace(
      '<Claim status="denied" by="Baku" />',
      '<Claim status="verified" />\n\n<Claim status="alleged" /> It was alleged. <Claim status="sure" />',
    );
    expect(problemsOf(project({ chapter }))).toEqual([
      'content/chapters/incident-chain.mdx:15: a <Claim> label must stand right after the sentence it qualifies, in the same paragraph or list item',
      expect.stringMatching(
        /^content\/chapters\/incident-chain\.mdx:13: the label "verified" needs a sentence that says so/,
      ),
      'content/chapters/incident-chain.mdx:15: unknown claim status "sure" (use one of: verified, unverified, alleged, denied)',
    ]);
  });

  it('a name two actors claim', () => {
    const actors = ACTORS.replace(
      '  kind: state\n  description: A state the article names',
      '  kind: state\n  aliases: [Baku]\n  description: A state the article names',
    );
    expect(problemsOf(project({ actors }))).toEqual([
      'content/actors.yaml:7: actor "ukraine": the term "Baku" also names "azerbaijan"; each name may point to one actor only',
    ]);
  });

  it('an entry its schema refuses, at the line of the field', () => {
    const problems: string[] = [];
    parseDataFile(
      'content/events.yaml',
      withGood('date', "'2025-02-30'").replace(
        'precision: month\n  title: Baku',
        'precision: day\n  title: Baku',
      ),
      plainEventSchema,
      problems,
    );
    expect(problems).toEqual([
      'content/events.yaml:3: "good-event": date: date "2025-02-30" does not exist: February 2025 has 28 days',
    ]);
  });

  it('reports every problem at once', () => {
    expect(formatProblems(['a: one', 'b: two'])).toBe(
      '2 problem(s) in the facts data and the chapters:\n  - a: one\n  - b: two',
    );
  });
});
