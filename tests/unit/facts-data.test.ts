import { describe, expect, it } from 'vitest';
import { readSourceArticle } from '../support/article-text.ts';
import { actorNames, read, readActors, readChapters, readEvents } from '../support/facts-data.ts';
import {
  compareEventDates,
  dateProblem,
  formatEventDate,
  parseEventDate,
} from '../../src/facts/event-dates.ts';
import { claimLabelProblem } from '../../src/facts/claim-labels.ts';
import { splitSections } from '../../src/facts/chapter-sections.ts';
import { createMentionFinder, termsOf } from '../../src/facts/mentions.ts';
import { findClaimTags } from '../../src/facts/claim-tags.ts';
import { chapterActorProblems, claimTagProblems } from '../../src/facts/validate.ts';
import { eventSchema } from '../../src/facts/event.ts';
import { actorSchema } from '../../src/facts/actor.ts';

const source = readSourceArticle();
const article = read('content/source/article.txt');
const events = readEvents();
const actors = readActors();
const chapters = readChapters();

describe('the events data', () => {
  it('has the events a reader expects, from 1999 to 14 November 2025', () => {
    const dates = events.map(([, e]) => formatEventDate(parseEventDate(e.date, e.precision)));
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

  it('matches the schema', () => {
    for (const [id, event] of events) {
      const result = eventSchema.safeParse(event);
      expect(result.success, `${id}: ${result.error?.message}`).toBe(true);
    }
  });

  it('quotes each event’s sentence word for word from the article', () => {
    const notSentences = events
      .filter(([, e]) => !source.sentences.includes(e.quote))
      .map(([id, e]) => `${id}: "${e.quote}"`);
    expect(notSentences).toEqual([]);
  });

  it('dates each event as its sentence does', () => {
    const disagreeing = events
      .filter(
        ([, e]) =>
          !e.quote
            .toLowerCase()
            .includes(formatEventDate(parseEventDate(e.date, e.precision)).toLowerCase()),
      )
      .map(([id, e]) => `${id}: ${e.date} is not in "${e.quote}"`);
    expect(disagreeing).toEqual([]);
  });

  it('writes every date well-formed for its precision', () => {
    const malformed = events.flatMap(([id, e]) => {
      const problem = dateProblem(e.date, e.precision);
      return problem ? [`${id}: ${problem}`] : [];
    });
    expect(malformed).toEqual([]);
  });

  it('lists the events in chronological order', () => {
    const outOfOrder = events.slice(1).flatMap(([id, e], i) => {
      const [previousId, previous] = events[i]!;
      const order = compareEventDates(
        parseEventDate(previous.date, previous.precision),
        parseEventDate(e.date, e.precision),
      );
      return order > 0 ? [`${previousId} (${previous.date}) comes before ${id} (${e.date})`] : [];
    });
    expect(outOfOrder).toEqual([]);
  });

  it('labels a claim only with a sentence of the article that says so', () => {
    const labelled = events.flatMap(([id, e]) => (e.status ?? []).map((s) => ({ id, ...s })));
    expect(labelled.map((l) => `${l.id}:${l.label}`)).toEqual(
      expect.arrayContaining([
        'operation-spiderweb:alleged',
        'operation-spiderweb:denied',
        'iran-protests:denied',
      ]),
    );
    for (const label of labelled) {
      expect(source.sentences, label.id).toContain(label.sentence);
      expect(claimLabelProblem(label.label, label.sentence, label.by), label.id).toBeUndefined();
    }
  });

  it('names only known actors', () => {
    const ids = new Set(actors.map(([id]) => id));
    const unknown = events.flatMap(([id, e]) =>
      e.actors.filter((a) => !ids.has(a)).map((a) => `${id}: ${a}`),
    );
    expect(unknown).toEqual([]);
  });
});

describe('the actors data', () => {
  const finder = createMentionFinder(actorNames());
  const foundTerms = new Set<string>();
  for (const chapter of chapters) {
    for (const section of splitSections(chapter.body)) {
      for (const counts of finder([section.heading, section.text].join('\n')).values()) {
        for (const term of counts.keys()) foundTerms.add(term);
      }
    }
  }

  it('matches the schema', () => {
    for (const [id, actor] of actors) {
      const result = actorSchema.safeParse(actor);
      expect(result.success, `${id}: ${result.error?.message}`).toBe(true);
    }
  });

  it('finds every name, alias and demonym in at least one section of the chapters', () => {
    const unused = actorNames().flatMap((a) =>
      termsOf(a)
        .filter((t) => !foundTerms.has(t))
        .map((t) => `${a.id}: "${t}"`),
    );
    expect(unused).toEqual([]);
  });

  it('counts Turkey and Türkiye as one actor', () => {
    const turkiye = actorNames().find((a) => a.name === 'Türkiye')!;
    expect(turkiye.aliases).toContain('Turkey');
    expect(foundTerms).toContain('Turkey');
    expect(foundTerms).toContain('Türkiye');
  });

  it('covers every actor that chapter frontmatter names', () => {
    expect(chapterActorProblems(chapters, actorNames())).toEqual([]);
  });
});

describe('the claim labels in the chapters', () => {
  const tags = chapters.flatMap((c) =>
    findClaimTags(c.text).map((tag) => ({ ...tag, chapter: c.id, file: c.file })),
  );

  it('stand after the sentences in which the article says so', () => {
    expect(tags.map((t) => `${t.chapter}:${t.status}${t.by ? `:${t.by}` : ''}`).sort()).toEqual([
      'alliances:alleged:Tehran',
      'alliances:denied:Baku',
      'incident-chain:alleged',
      'incident-chain:denied:Baku',
      'incident-chain:unverified',
      'incident-chain:verified',
    ]);
    for (const chapter of chapters) {
      expect(claimTagProblems(chapter.file, findClaimTags(chapter.text), article)).toEqual([]);
    }
    expect(tags.find((t) => t.status === 'unverified')!.sentence).toMatch(
      /these claims remain unverified\.$/,
    );
    expect(
      tags.find((t) => t.status === 'denied' && t.chapter === 'incident-chain')!.sentence,
    ).toBe('Baku denied involvement.');
  });
});
