import { describe, expect, it } from 'vitest';
import {
  compareEventDates,
  dateGroup,
  dateProblem,
  describePrecisions,
  formatDateInProse,
  formatEventDate,
  machineReadableDate,
  parseEventDate,
} from '../../src/lib/facts/event-dates.ts';
import { createMentionFinder } from '../../src/lib/facts/mentions.ts';
import { splitSections } from '../../src/lib/facts/chapter-sections.ts';
import { findClaimTags } from '../../src/lib/facts/claim-tags.ts';
import {
  assertNoProblems,
  chapterActorProblems,
  claimTagProblems,
  eventProblems,
  locator,
  type EventContext,
} from '../../src/lib/facts/validate.ts';

describe('event dates', () => {
  it('reads each precision and shows it as a reader would say it', () => {
    expect(formatEventDate(parseEventDate('2025-06-01', 'day'))).toBe('1 June 2025');
    expect(formatEventDate(parseEventDate('2024-12', 'month'))).toBe('December 2024');
    expect(formatEventDate(parseEventDate('early 2025', 'season'))).toBe('Early 2025');
    expect(formatEventDate(parseEventDate('1999', 'year'))).toBe('1999');
    expect(formatEventDate(parseEventDate('1990s', 'decade'))).toBe('1990s');
    expect(formatEventDate(parseEventDate('19th century', 'century'))).toBe('19th century');
    expect(formatEventDate(parseEventDate('21st century', 'century'))).toBe('21st century');
    expect(formatEventDate(parseEventDate('11th century', 'century'))).toBe('11th century');
  });

  it('writes a decade or a century into a sentence with “the”, and gives neither a datetime', () => {
    expect(formatDateInProse(parseEventDate('1990s', 'decade'))).toBe('the 1990s');
    expect(formatDateInProse(parseEventDate('19th century', 'century'))).toBe('the 19th century');
    expect(formatDateInProse(parseEventDate('early 2025', 'season'))).toBe('early 2025');
    expect(formatDateInProse(parseEventDate('2025-06-01', 'day'))).toBe('1 June 2025');
    expect(machineReadableDate(parseEventDate('2025-06-01', 'day'))).toBe('2025-06-01');
    expect(machineReadableDate(parseEventDate('2025-06', 'month'))).toBe('2025-06');
    expect(machineReadableDate(parseEventDate('early 2025', 'season'))).toBe('2025');
    expect(machineReadableDate(parseEventDate('1999', 'year'))).toBe('1999');
    expect(machineReadableDate(parseEventDate('1990s', 'decade'))).toBeUndefined();
    expect(machineReadableDate(parseEventDate('19th century', 'century'))).toBeUndefined();
  });

  it('groups dates on the timeline by year, or by decade or century when that is all there is', () => {
    expect(dateGroup(parseEventDate('2025-06-01', 'day'))).toEqual({
      id: 'year-2025',
      label: '2025',
    });
    expect(dateGroup(parseEventDate('early 2025', 'season'))).toEqual({
      id: 'year-2025',
      label: '2025',
    });
    expect(dateGroup(parseEventDate('1990s', 'decade'))).toEqual({
      id: 'decade-1990s',
      label: '1990s',
    });
    expect(dateGroup(parseEventDate('19th century', 'century'))).toEqual({
      id: 'century-19',
      label: '19th century',
    });
  });

  it('says how precisely the dates are given, leaving out precisions no date has', () => {
    const dates = [
      parseEventDate('2025-06-01', 'day'),
      parseEventDate('2024-12-25', 'day'),
      parseEventDate('2025', 'year'),
      parseEventDate('19th century', 'century'),
    ];
    expect(describePrecisions(dates)).toBe('2 to the day, 1 to the year and 1 to the century');
    expect(describePrecisions(dates.slice(2, 3))).toBe('1 to the year');
    expect(describePrecisions([])).toBe('');
  });

  it('rejects dates that do not fit their precision or do not exist', () => {
    expect(dateProblem('2025-06', 'day')).toMatch(/not written like a day .*2025-06-01/);
    expect(dateProblem('June 2025', 'month')).toMatch(/not written like a month/);
    expect(dateProblem('2025-13', 'month')).toMatch(/no month 13/);
    expect(dateProblem('2025-02-29', 'day')).toMatch(/February 2025 has 28 days/);
    expect(dateProblem('around 2025', 'season')).toMatch(/not written like a season/);
    expect(dateProblem('2024-02-29', 'day')).toBeUndefined();
    expect(dateProblem('1995s', 'decade')).toMatch(/not written like a decade .*1990s/);
    expect(dateProblem('the 1990s', 'decade')).toMatch(/not written like a decade/);
    expect(dateProblem('19 century', 'century')).toMatch(
      /not written like a century .*19th century/,
    );
    expect(dateProblem('19st century', 'century')).toMatch(/expected "19th century"/);
    expect(dateProblem('0th century', 'century')).toMatch(/not a century/);
    expect(dateProblem('1990s', 'decade')).toBeUndefined();
    expect(dateProblem('19th century', 'century')).toBeUndefined();
  });

  it('orders by the latest day a date allows, the precise one first on a tie; a decade or century opens its stretch', () => {
    const dates = [
      '2025',
      '2025-06',
      '2025-06-01',
      'early 2025',
      '2024-12',
      '2024-12-25',
      '1999',
      '1990s',
      '19th century',
      '1990',
    ];
    const precision = (d: string) =>
      /^\d{4}$/.test(d)
        ? 'year'
        : /^\d{4}-\d{2}$/.test(d)
          ? 'month'
          : /^\d{4}-/.test(d)
            ? 'day'
            : /s$/.test(d)
              ? 'decade'
              : /century$/.test(d)
                ? 'century'
                : 'season';
    const sorted = dates
      .map((d) => parseEventDate(d, precision(d)))
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
  const find = createMentionFinder([
    { id: 'russia', name: 'Russia', aliases: ['Moscow', 'Kremlin'], demonyms: ['Russian'] },
    { id: 'azerbaijan', name: 'Azerbaijan', aliases: ['Baku'], demonyms: ['Azerbaijani'] },
    { id: 'airline', name: 'Azerbaijan Airlines', aliases: [], demonyms: [] },
    { id: 'turkiye', name: 'Türkiye', aliases: ['Turkey'], demonyms: ['Turkish'] },
  ]);
  const asObject = (text: string) =>
    Object.fromEntries([...find(text)].map(([id, terms]) => [id, Object.fromEntries(terms)]));

  it('matches whole words, with possessives and hyphens, and the longest name first', () => {
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

  it('refuses a name that two actors claim', () => {
    expect(() =>
      createMentionFinder([
        { id: 'a', name: 'Baku', aliases: [], demonyms: [] },
        { id: 'b', name: 'Azerbaijan', aliases: ['Baku'], demonyms: [] },
      ]),
    ).toThrow(/"Baku" belongs to both "a" and "b"/);
  });
});

describe('chapter sections and claim tags', () => {
  const mdx = [
    "import Claim from '../../src/components/Claim.astro';",
    '',
    'Lead-in about Russia.',
    '',
    '## First Section',
    '',
    'It happened. Baku denied involvement. <Claim status="denied" by="Baku" /> Then more.',
    '',
    '```mermaid',
    'graph LR; Türkiye --> Israel',
    '## not a heading',
    '```',
    '',
    '### A Sub-Section',
    '',
    '- a list item with [a link](/chapters/energy/)',
  ].join('\n');

  it('cuts the prose at ## and ### headings and keeps only the article’s words', () => {
    expect(splitSections(mdx)).toEqual([
      { text: 'Lead-in about Russia.' },
      {
        depth: 2,
        heading: 'First Section',
        text: 'It happened. Baku denied involvement. Then more.',
      },
      { depth: 3, heading: 'A Sub-Section', text: 'a list item with a link' },
    ]);
  });

  it('finds each label with the sentence before it and its line', () => {
    expect(findClaimTags(mdx)).toEqual([
      { status: 'denied', by: 'Baku', sentence: 'Baku denied involvement.', line: 7 },
    ]);
  });
});

describe('build-time checks name the file, the line and the entry', () => {
  const eventsYaml = [
    '# comment',
    'good-event:',
    "  date: '2025-06'",
    '  quote: Baku denied involvement.',
    '  chapter: incident-chain',
    '  section: operation-spiderweb',
    '  actors: [azerbaijan]',
    '',
    'bad-event:',
    "  date: '2025-06'",
    '  quote: Baku denied involvement.',
    '  chapter: incident-chain',
    '  section: operation-spiderweb--a-shadow-war',
    '  actors: [azerbaijan, ukrane]',
  ].join('\n');
  const context: EventContext = {
    actorIds: new Set(['azerbaijan', 'ukraine']),
    chapters: new Map([
      [
        'incident-chain',
        {
          id: 'incident-chain',
          sections: [
            {
              anchor: 'the-azerbaijan-airlines-tragedy',
              text: 'The recent crisis began on 25 December 2024.',
            },
            {
              anchor: 'operation-spiderweb--a-shadow-war',
              text: 'It was alleged. Baku denied involvement.',
            },
          ],
        },
      ],
    ]),
    article:
      'The recent crisis began on 25 December 2024.\nIt was alleged. Baku denied involvement.',
    where: locator('content/events.yaml', eventsYaml),
  };
  const event = (overrides: object) => ({
    id: 'bad-event',
    chapter: 'incident-chain',
    section: 'operation-spiderweb--a-shadow-war',
    actors: ['azerbaijan'],
    quote: 'Baku denied involvement.',
    ...overrides,
  });

  it('accepts an event whose actors, chapter, section and quote all check out', () => {
    expect(eventProblems([event({})], context)).toEqual([]);
  });

  it('an unknown actor', () => {
    expect(eventProblems([event({ actors: ['azerbaijan', 'ukrane'] })], context)).toEqual([
      'content/events.yaml:14: event "bad-event": unknown actor "ukrane"; actors are the ids in content/actors.yaml',
    ]);
  });

  it('a section anchor that does not exist, listing the ones that do', () => {
    expect(eventProblems([event({ section: 'operation-spiderweb' })], context)).toEqual([
      'content/events.yaml:13: event "bad-event": section "#operation-spiderweb" does not exist in chapter "incident-chain" (its headings: the-azerbaijan-airlines-tragedy, operation-spiderweb--a-shadow-war)',
    ]);
  });

  it('a quote in the wrong section, naming the right one', () => {
    expect(eventProblems([event({ section: 'the-azerbaijan-airlines-tragedy' })], context)).toEqual(
      [
        'content/events.yaml:13: event "bad-event": the quote is not in section "#the-azerbaijan-airlines-tragedy" of chapter "incident-chain"; it is in incident-chain#operation-spiderweb--a-shadow-war',
      ],
    );
  });

  it('a quote that is not word for word, an unknown chapter, a missing section', () => {
    expect(eventProblems([event({ quote: 'Baku denies involvement.' })], context)[0]).toMatch(
      /^content\/events\.yaml:11: event "bad-event": the quote is not word for word in content\/source\/article\.txt: "Baku denies involvement\."$/,
    );
    expect(eventProblems([event({ chapter: 'incidents' })], context)[0]).toMatch(
      /:12: event "bad-event": unknown chapter "incidents" \(chapters: incident-chain\)/,
    );
    expect(eventProblems([event({ section: undefined })], context)[0]).toMatch(
      /event "bad-event": needs a section: .*one of: the-azerbaijan-airlines-tragedy/,
    );
  });

  it('a label the sentence does not state', () => {
    const problems = eventProblems(
      [event({ status: [{ label: 'verified', sentence: 'Baku denied involvement.' }] })],
      context,
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /^content\/events\.yaml:9: event "bad-event": the label "verified" needs a sentence that says so/,
      ),
    ]);
    expect(
      eventProblems(
        [
          event({
            status: [{ label: 'denied', by: 'Moscow', sentence: 'Baku denied involvement.' }],
          }),
        ],
        context,
      ),
    ).toEqual([
      'content/events.yaml:9: event "bad-event": the label names "Moscow", who is not named in the sentence: "Baku denied involvement."',
    ]);
  });

  it('a chapter that lists an actor no entry knows, with a suggestion', () => {
    const actors = [{ id: 'turkiye', name: 'Türkiye', aliases: ['Turkey'], demonyms: ['Turkish'] }];
    const text =
      '---\ntitle: "Energy"\nactors:\n  - Türkiye\n  - Turkey\n  - turkish\n  - Atlantis\n---\n';
    expect(
      chapterActorProblems(
        [
          {
            file: 'content/chapters/energy.mdx',
            text,
            actors: ['Türkiye', 'Turkey', 'turkish', 'Atlantis'],
          },
        ],
        actors,
      ),
    ).toEqual([
      'content/chapters/energy.mdx:6: actor "turkish" is not the name or an alias of any actor in content/actors.yaml (did you mean "Türkiye"?)',
      'content/chapters/energy.mdx:7: actor "Atlantis" is not the name or an alias of any actor in content/actors.yaml',
    ]);
  });

  it('a claim label where the sentence does not say so, or with no sentence before it', () => {
    const mdx =
      'Baku denied involvement. <Claim status="verified" />\n<Claim status="alleged" /> It was alleged.';
    expect(claimTagProblems('content/chapters/x.mdx', findClaimTags(mdx), context.article)).toEqual(
      [
        expect.stringMatching(
          /^content\/chapters\/x\.mdx:1: the label "verified" needs a sentence that says so/,
        ),
        'content/chapters/x.mdx:2: a <Claim> label must follow, on the same line, the sentence it qualifies',
      ],
    );
  });

  it('reports every problem at once', () => {
    expect(() => assertNoProblems(['a: one', 'b: two'], 'content/events.yaml')).toThrow(
      '2 problem(s) in content/events.yaml:\n  - a: one\n  - b: two',
    );
    expect(() => assertNoProblems([], 'x')).not.toThrow();
  });
});
