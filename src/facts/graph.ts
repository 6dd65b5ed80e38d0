/**
 * The article's facts as the pages use them, made in one pure step from what the editors wrote:
 * the actors and events data (already checked entry by entry by their schemas), the chapters'
 * outlines and the article's source. Either every cross-reference and quote checks out and the
 * result is a fully linked graph (events point at their actors and the section that tells them,
 * actors at their events and mentions), or the result is every problem found, each naming the file
 * and line to fix, so one build reports them all.
 */
import { chapterPath, type ArticleChapter } from '../article/chapters.ts';
import { sentencesOf, type Section } from '../article/outline.ts';
import { findPassage, SOURCE_FILE, type SourceArticle } from '../article/source.ts';
import { normalise, sentences } from '../article/text.ts';
import { ACTOR_KINDS, type ActorData, type ActorKind } from './actor.ts';
import {
  claimLabelProblem,
  claimStatusOf,
  unknownStatusProblem,
  type ClaimStatus,
} from './claim-labels.ts';
import {
  compareEventDates,
  dateGroup,
  formatEventDate,
  machineReadableDate,
  type DateGroup,
  type EventDate,
} from './event-dates.ts';
import type { EventData } from './event.ts';
import { createMentionFinder } from './mentions.ts';
import { yamlPositions } from './yaml-positions.ts';
import { closestHint } from '../article/fidelity.ts';
import { isEditorsChapter } from '../article/chapters.ts';
import { closestId, dateInText, dateNotInQuoteProblem, unknownActorHint } from './rules.ts';

/** A data file: its path, its text (for line numbers) and its entries as the schema read them. */
export interface DataFile<T> {
  file: string;
  text: string;
  entries: readonly { id: string; data: T }[];
}

export interface FactsInput {
  actors: DataFile<ActorData>;
  events: DataFile<EventData>;
  chapters: readonly ArticleChapter[];
  article: SourceArticle;
}

export type FactsResult = { ok: true; facts: Facts } | { ok: false; problems: string[] };

/** A place in a chapter a reader can be sent to. */
export interface ChapterPlace {
  chapterId: string;
  chapterTitle: string;
  chapterOrder: number;
  /** The heading's id, or undefined for a chapter's lead-in text before any heading. */
  anchor: string | undefined;
  /** The section's heading, or undefined for the lead-in. */
  heading: string | undefined;
  /** Site path without the base, e.g. `chapters/energy/#energy-as-a-strategic-weapon`. */
  path: string;
}

export interface Actor extends ActorData {
  id: string;
  /** The events it takes part in, in time order. */
  events: TimelineEvent[];
  /** Every section that names it, in reading order. */
  mentions: SectionMention[];
}

export interface EventStatus {
  label: ClaimStatus;
  by: string | undefined;
  sentence: string;
}

export interface TimelineEvent {
  id: string;
  date: EventDate;
  /** "1 June 2025", "Early 2025", "1990s"… */
  dateLabel: string;
  /** The heading it is listed under on the timeline: its year, decade or century. */
  group: DateGroup;
  /** The value for `<time datetime>`; none for a decade or a century, which HTML cannot write. */
  datetime: string | undefined;
  title: string;
  quote: string;
  place: ChapterPlace;
  actors: Actor[];
  status: EventStatus[];
}

export interface SectionMention extends ChapterPlace {
  /** The words that named the actor in this section and how often, e.g. Turkey ×2. */
  terms: { term: string; count: number }[];
}

export interface LabelledSentence {
  status: ClaimStatus;
  by: string | undefined;
  sentence: string;
  place: ChapterPlace;
}

export interface Facts {
  /** In the data's order. */
  actors: Actor[];
  actorsByKind: { kind: ActorKind; actors: Actor[] }[];
  /** In time order; events on the same date keep the data's order. */
  events: TimelineEvent[];
  labelledSentences: LabelledSentence[];
  /** Every actor a chapter's text mentions, by chapter id: for filters such as search by actor. */
  actorsByChapter: ReadonlyMap<string, Actor[]>;
}

interface PlacedSection {
  section: Section;
  place: ChapterPlace;
}

export function buildFacts(input: FactsInput): FactsResult {
  const problems: string[] = [];
  const actorsAt = yamlPositions(input.actors.file, input.actors.text);
  const eventsAt = yamlPositions(input.events.file, input.events.text);
  const articleSentences = new Set(input.article.sentences.map((s) => s.text));

  const actors: Actor[] = input.actors.entries.map(({ id, data }) => ({
    id,
    ...data,
    events: [],
    mentions: [],
  }));
  const actorsById = new Map(actors.map((a) => [a.id, a]));
  if (actors.length === 0)
    problems.push(`${input.actors.file}: no actors were loaded; check that the YAML is valid`);
  if (input.events.entries.length === 0)
    problems.push(`${input.events.file}: no events were loaded; check that the YAML is valid`);

  const mentionFinder = createMentionFinder(actors);
  for (const { term, first, second } of mentionFinder.conflicts)
    problems.push(
      `${actorsAt.at([second])}: actor "${second}": the term "${term}" also names "${first}"; each name may point to one actor only`,
    );

  // Chapters: their sections as places, and the claim labels in their text.
  const chapters = new Map<string, { chapter: ArticleChapter; sections: PlacedSection[] }>();
  const labelledSentences: LabelledSentence[] = [];
  for (const chapter of [...input.chapters].sort((a, b) => a.order - b.order)) {
    const sections = chapter.outline.sections.map((section) => ({
      section,
      place: placeOf(chapter, section),
    }));
    chapters.set(chapter.id, { chapter, sections });
    const file = chapter.outline.file;
    for (const claim of chapter.outline.strayClaims)
      problems.push(
        `${file}:${claim.line}: a <Claim> label must stand right after the sentence it qualifies, in the same paragraph or list item`,
      );
    for (const { section, sentence } of sentencesOf(chapter.outline)) {
      for (const claim of sentence.claims) {
        const where = `${file}:${claim.line}`;
        const status = claimStatusOf(claim.status);
        if (!status) {
          problems.push(`${where}: ${unknownStatusProblem(claim.status)}`);
          continue;
        }
        if (!articleSentences.has(sentence.text)) {
          problems.push(
            `${where}: the sentence before the <Claim> label is not word for word a sentence of ${SOURCE_FILE}: "${sentence.text}"`,
          );
          continue;
        }
        const problem = claimLabelProblem(status, sentence.text, claim.by);
        if (problem) problems.push(`${where}: ${problem}`);
        const place = sections.find((s) => s.section === section)?.place;
        if (!problem && place)
          labelledSentences.push({ status, by: claim.by, sentence: sentence.text, place });
      }
    }
  }

  // Events: every reference resolved, every quote found where the event says it is told.
  const events: TimelineEvent[] = [];
  for (const { id, data } of input.events.entries) {
    const report = (path: (string | number)[], message: string) =>
      problems.push(`${eventsAt.at([id, ...path])}: event "${id}": ${message}`);
    let sound = true;
    const fail = (path: (string | number)[], message: string) => {
      report(path, message);
      sound = false;
    };

    const eventActors = data.actors.flatMap((ref, index) => {
      const actor = actorsById.get(ref.id);
      if (!actor)
        fail(
          ['actors', index],
          `unknown actor "${ref.id}"${unknownActorHint(ref.id, actors)}; actors are the ids in ${input.actors.file}`,
        );
      return actor ? [actor] : [];
    });

    const quote = sentences(data.quote);
    const quoted = findPassage(input.article.sentences, quote) !== undefined;
    if (!quoted) {
      const wrong = quote.find((q) => !articleSentences.has(q));
      fail(
        ['quote'],
        `the quote is not word for word in ${SOURCE_FILE} (whole sentences, as the article writes them): "${data.quote}"${
          wrong
            ? closestHint(wrong, [...articleSentences])
            : '; its sentences are the article’s but do not follow one another there'
        }`,
      );
    } else if (!dateInText(data.date, data.quote)) fail(['date'], dateNotInQuoteProblem(data.date));

    const status = data.status.map((s, index) => {
      const sentence = normalise(s.sentence);
      if (!articleSentences.has(sentence))
        fail(
          ['status', index, 'sentence'],
          `the sentence for the label "${s.label}" is not word for word a sentence of ${SOURCE_FILE}: "${s.sentence}"${closestHint(sentence, [...articleSentences])}`,
        );
      const problem = claimLabelProblem(s.label, sentence, s.by);
      if (problem) fail(['status', index, 'label'], problem);
      return { label: s.label, by: s.by, sentence };
    });

    const target = chapters.get(data.chapter.id);
    if (!target) {
      fail(
        ['chapter'],
        `unknown chapter "${data.chapter.id}"${suggest(data.chapter.id, [...chapters.keys()])} (chapters: ${[...chapters.keys()].join(', ')})`,
      );
      continue;
    }
    const anchors = target.sections.flatMap((s) => (s.place.anchor ? [s.place.anchor] : []));
    const placed = target.sections.find((s) => s.place.anchor === data.section);
    if (data.section === undefined && anchors.length > 0) {
      fail(
        ['chapter'],
        `needs a section: the heading id in chapter "${data.chapter.id}" where the text tells it (one of: ${anchors.join(', ')})`,
      );
      continue;
    }
    if (!placed) {
      fail(
        ['section'],
        `section "#${data.section ?? ''}" does not exist in chapter "${data.chapter.id}"${suggest(data.section ?? '', anchors)} (its headings: ${anchors.join(', ') || 'none'})`,
      );
      continue;
    }
    if (quoted && findPassage(sentenceList(placed.section), quote) === undefined) {
      const actual = [...chapters.values()].flatMap(({ sections }) =>
        sections
          .filter((s) => findPassage(sentenceList(s.section), quote) !== undefined)
          .map((s) => `${s.place.chapterId}${s.place.anchor ? `#${s.place.anchor}` : ''}`),
      );
      fail(
        ['section'],
        `the quote is not in section "#${data.section ?? ''}" of chapter "${data.chapter.id}"${actual.length ? `; it is in ${actual.join(', ')}` : ''}`,
      );
    }
    if (!sound) continue;
    events.push({
      id,
      date: data.date,
      dateLabel: formatEventDate(data.date),
      group: dateGroup(data.date),
      datetime: machineReadableDate(data.date),
      title: data.title,
      quote: data.quote,
      place: placed.place,
      actors: eventActors,
      status,
    });
  }

  // The file lists events in time order, so editors read it as a timeline. (Entries may come in
  // any order, as Astro's collection gives them: the file's order is the YAML's.)
  const entriesById = new Map(input.events.entries.map((e) => [e.id, e]));
  let previous: { id: string; data: EventData } | undefined;
  for (const entry of eventsAt.ids.flatMap((id) => entriesById.get(id) ?? [])) {
    if (previous && compareEventDates(previous.data.date, entry.data.date) > 0)
      problems.push(
        `${eventsAt.at([entry.id, 'date'])}: event "${entry.id}" (${formatEventDate(entry.data.date)}) is listed after "${previous.id}" (${formatEventDate(previous.data.date)}); ${input.events.file} lists events in chronological order — by the last day each date allows (a month counts as its last day, "early 2025" as the end of April), except that a decade or a century comes before the years in it, the more precise date first on a tie. Move the entry up.`,
      );
    previous = entry;
  }

  // Every other name of an actor must be one the article uses: the actor page shows it as such.
  const articleText = [...chapters.values()]
    .filter(({ chapter }) => !isEditorsChapter(chapter))
    .flatMap(({ chapter }) => [
      ...chapter.outline.headings.map((h) => h.text),
      ...chapter.outline.sections.flatMap((section) => section.blocks.map((b) => b.text)),
    ])
    .join('\n');
  const found = mentionFinder.find(articleText);
  for (const actor of actors)
    for (const [field, terms] of [
      ['aliases', actor.aliases],
      ['demonyms', actor.demonyms],
    ] as const)
      terms.forEach((term, index) => {
        const claimed = mentionFinder.conflicts.some((c) => c.term === term);
        if (!claimed && !found.get(actor.id)?.get(term))
          problems.push(
            `${actorsAt.at([actor.id, field, index])}: actor "${actor.id}": "${term}" is never written in the article's chapters, yet the actor page would say "Also named in the text: ${term}". Remove it from ${field}, or spell it exactly as the article does.`,
          );
      });

  if (problems.length > 0) return { ok: false, problems };

  const fileOrder = new Map(eventsAt.ids.map((id, index) => [id, index]));
  events.sort(
    (a, b) =>
      compareEventDates(a.date, b.date) || (fileOrder.get(a.id) ?? 0) - (fileOrder.get(b.id) ?? 0),
  );
  for (const event of events) for (const actor of event.actors) actor.events.push(event);

  const actorsByChapter = new Map<string, Actor[]>();
  for (const { chapter, sections } of chapters.values()) {
    const named = new Set<Actor>();
    for (const { section, place } of sections) {
      const text = [section.heading?.text, ...section.blocks.map((b) => b.text)]
        .filter((t) => t !== undefined)
        .join('\n');
      for (const [actorId, counts] of mentionFinder.find(text)) {
        const actor = actorsById.get(actorId);
        if (!actor) continue;
        actor.mentions.push({
          ...place,
          terms: [...counts].map(([term, count]) => ({ term, count })),
        });
        named.add(actor);
      }
    }
    actorsByChapter.set(
      chapter.id,
      actors.filter((a) => named.has(a)),
    );
  }

  return {
    ok: true,
    facts: {
      actors,
      actorsByKind: ACTOR_KINDS.map((kind) => ({
        kind,
        actors: actors
          .filter((a) => a.kind === kind)
          .sort((a, b) => a.name.localeCompare(b.name, 'en')),
      })).filter((g) => g.actors.length > 0),
      events,
      labelledSentences,
      actorsByChapter,
    },
  };
}

/** Where a section of a chapter is: the link a page gives to it. */
export function placeOf(chapter: ArticleChapter, section: Section): ChapterPlace {
  const anchor = section.heading?.id;
  return {
    chapterId: chapter.id,
    chapterTitle: chapter.title,
    chapterOrder: chapter.order,
    anchor,
    heading: section.heading?.text,
    path: chapterPath(chapter.id) + (anchor ? `#${anchor}` : ''),
  };
}

function sentenceList(section: Section): { text: string }[] {
  return section.blocks.flatMap((block) => block.sentences);
}

function suggest(unknown: string, known: readonly string[]): string {
  const close = closestId(unknown, known);
  return close ? `; did you mean "${close}"?` : '';
}

/** All problems as one error message, one line each. */
export function formatProblems(problems: readonly string[]): string {
  return `${problems.length} problem(s) in the facts data and the chapters:\n${problems.map((p) => `  - ${p}`).join('\n')}`;
}
