import { describe, expect, it } from 'vitest';
import {
  compareEventDates,
  dateProblem,
  formatEventDate,
  parseEventDate,
} from '../../src/facts/event-dates.ts';
import { createMentionFinder } from '../../src/facts/mentions.ts';
import { splitSections } from '../../src/facts/chapter-sections.ts';
import { findClaimTags } from '../../src/facts/claim-tags.ts';
import {
  assertNoProblems,
  chapterActorProblems,
  claimTagProblems,
  eventProblems,
  locator,
  type EventContext,
} from '../../src/facts/validate.ts';

describe('event dates', () => {
  it('reads each precision and shows it as a reader would say it', () => {
    expect(formatEventDate(parseEventDate('2025-06-01', 'day'))).toBe('1 June 2025');
    expect(formatEventDate(parseEventDate('2024-12', 'month'))).toBe('December 2024');
    expect(formatEventDate(parseEventDate('early 2025', 'season'))).toBe('Early 2025');
    expect(formatEventDate(parseEventDate('1999', 'year'))).toBe('1999');
  });

  it('rejects dates that do not fit their precision or do not exist', () => {
    expect(dateProblem('2025-06', 'day')).toMatch(/not written like a day .*2025-06-01/);
    expect(dateProblem('June 2025', 'month')).toMatch(/not written like a month/);
    expect(dateProblem('2025-13', 'month')).toMatch(/no month 13/);
    expect(dateProblem('2025-02-29', 'day')).toMatch(/February 2025 has 28 days/);
    expect(dateProblem('around 2025', 'season')).toMatch(/not written like a season/);
    expect(dateProblem('2024-02-29', 'day')).toBeUndefined();
  });

  it('orders by the latest day a date allows, the precise one first on a tie', () => {
    const dates = ['2025', '2025-06', '2025-06-01', 'early 2025', '2024-12', '2024-12-25', '1999'];
    const precision = (d: string) =>
      /^\d{4}$/.test(d)
        ? 'year'
        : /^\d{4}-\d{2}$/.test(d)
          ? 'month'
          : /^\d{4}-/.test(d)
            ? 'day'
            : 'season';
    const sorted = dates
      .map((d) => parseEventDate(d, precision(d)))
      .sort(compareEventDates)
      .map(formatEventDate);
    expect(sorted).toEqual([
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
