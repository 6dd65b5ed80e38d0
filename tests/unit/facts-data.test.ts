import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { sentencesOf } from '../../src/article/outline.ts';
import { compareEventDates, formatEventDate } from '../../src/facts/event-dates.ts';
import { EVENTS_FILE } from '../../src/facts/event.ts';
import { readFactsInput } from '../../src/facts/files.ts';
import { buildFacts, formatProblems } from '../../src/facts/graph.ts';
import { createMentionFinder, termsOf } from '../../src/facts/mentions.ts';

const reading = readFactsInput();
if (!reading.ok) throw new Error(formatProblems(reading.problems));
const { input } = reading;
const built = buildFacts(input);
const facts = built.ok ? built.facts : undefined;
const events = input.events.entries;
const actors = input.actors.entries.map(({ id, data }) => ({ id, ...data }));

describe('the facts data', () => {
  it('passes every build-time check against the chapters and the article', () => {
    expect(built.ok ? [] : built.problems).toEqual([]);
    expect(facts?.events).toHaveLength(events.length);
  });

  it('has the events a reader expects, from 1999 to 14 November 2025', () => {
    const dates = events.map(({ data }) => formatEventDate(data.date));
    for (const date of [
      '1999',
      'June 2018',
      '2020',
      '2022',
      '2023',
      '25 December 2024',
      'Early 2025',
      'June 2025',
      '1 June 2025',
      'July 2025',
      'August 2025',
      'October 2025',
      '14 November 2025',
    ]) {
      expect(dates).toContain(date);
    }
  });

  it('reads the entries in the file’s order', () => {
    const raw = parse(readFileSync(EVENTS_FILE, 'utf8')) as Record<string, unknown>;
    expect(events.map((e) => e.id)).toEqual(Object.keys(raw));
  });

  it('dates each event as its sentence does', () => {
    const disagreeing = events
      .filter(
        ({ data }) => !data.quote.toLowerCase().includes(formatEventDate(data.date).toLowerCase()),
      )
      .map(({ id, data }) => `${id}: ${formatEventDate(data.date)} is not in "${data.quote}"`);
    expect(disagreeing).toEqual([]);
  });

  it('lists the events in chronological order', () => {
    const outOfOrder = events.slice(1).flatMap(({ id, data }, i) => {
      const previous = events[i];
      if (!previous) return [];
      return compareEventDates(previous.data.date, data.date) > 0
        ? [`${previous.id} comes before ${id}`]
        : [];
    });
    expect(outOfOrder).toEqual([]);
  });

  it('labels the claims the article itself calls alleged or denied', () => {
    const labelled = events.flatMap(({ id, data }) => data.status.map((s) => `${id}:${s.label}`));
    expect(labelled).toEqual(
      expect.arrayContaining([
        'operation-spiderweb:alleged',
        'operation-spiderweb:denied',
        'iran-protests:denied',
      ]),
    );
  });
});

describe('the actors data', () => {
  const { find } = createMentionFinder(actors);
  const foundTerms = new Set<string>();
  for (const chapter of input.chapters) {
    for (const section of chapter.outline.sections) {
      const text = [section.heading?.text, ...section.blocks.map((b) => b.text)].join('\n');
      for (const counts of find(text).values()) {
        for (const term of counts.keys()) foundTerms.add(term);
      }
    }
  }

  it('finds every name, alias and demonym in at least one section of the chapters', () => {
    const unused = actors.flatMap((a) =>
      termsOf(a)
        .filter((t) => !foundTerms.has(t))
        .map((t) => `${a.id}: "${t}"`),
    );
    expect(unused).toEqual([]);
  });

  it('counts Turkey and Türkiye as one actor', () => {
    const turkiye = actors.find((a) => a.name === 'Türkiye');
    expect(turkiye?.aliases).toContain('Turkey');
    expect(foundTerms).toContain('Turkey');
    expect(foundTerms).toContain('Türkiye');
  });
});

describe('the claim labels in the chapters', () => {
  const tags = input.chapters.flatMap((chapter) =>
    [...sentencesOf(chapter.outline)].flatMap(({ sentence }) =>
      sentence.claims.map((claim) => ({ ...claim, chapter: chapter.id, sentence: sentence.text })),
    ),
  );

  it('stand after the sentences in which the article says so', () => {
    expect(
      tags.map((t) => `${t.chapter}:${t.status ?? ''}${t.by ? `:${t.by}` : ''}`).sort(),
    ).toEqual([
      'alliances:alleged:Tehran',
      'alliances:denied:Baku',
      'incident-chain:alleged',
      'incident-chain:denied:Baku',
      'incident-chain:unverified',
      'incident-chain:verified',
    ]);
    expect(input.chapters.flatMap((c) => c.outline.strayClaims)).toEqual([]);
    expect(facts?.labelledSentences).toHaveLength(tags.length);
    expect(tags.find((t) => t.status === 'unverified')?.sentence).toMatch(
      /these claims remain unverified\.$/,
    );
    expect(
      tags.find((t) => t.status === 'denied' && t.chapter === 'incident-chain')?.sentence,
    ).toBe('Baku denied involvement.');
  });
});
