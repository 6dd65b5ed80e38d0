/**
 * The article's facts as the pages use them: actors, events in order, the sections that mention each
 * actor and the claim labels in the chapters. Loading them runs every build-time check
 * (see validate.ts), so a build that renders the timeline or an actor page fails on bad data,
 * naming the file, line and entry.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getCollection, render } from 'astro:content';
import type { MarkdownHeading } from 'astro';
import { getChapters, chapterPath, type Chapter } from '../lib/chapters.ts';
import type { ActorData, ActorKind } from './actor.ts';
import { ACTOR_KINDS } from './actor.ts';
import {
  compareEventDates,
  formatEventDate,
  machineReadableDate,
  parseEventDate,
  type EventDate,
} from './event-dates.ts';
import { splitSections } from './chapter-sections.ts';
import { createMentionFinder } from './mentions.ts';
import { findClaimTags } from './claim-tags.ts';
import type { ClaimStatus } from './claim-labels.ts';
import {
  assertNoProblems,
  chapterActorProblems,
  claimTagProblems,
  eventProblems,
  locator,
  type ChapterOutline,
} from './validate.ts';

export const ACTORS_FILE = 'content/actors.yaml';
export const EVENTS_FILE = 'content/events.yaml';
export const ARTICLE_FILE = 'content/source/article.txt';

export interface Actor extends ActorData {
  id: string;
}

/** A place in a chapter a reader can be sent to. */
export interface ChapterPlace {
  chapterId: string;
  chapterTitle: string;
  chapterOrder: number;
  /** The heading's id, or undefined for a chapter's lead-in text before any heading. */
  anchor?: string | undefined;
  /** The section's heading, or undefined for the lead-in. */
  heading?: string | undefined;
  /** Site path without the base, e.g. `chapters/energy/#energy-as-a-strategic-weapon`. */
  path: string;
}

export interface TimelineEvent {
  id: string;
  date: EventDate;
  /** "1 June 2025", "Early 2025"… */
  dateLabel: string;
  /** The value for `<time datetime>`. */
  datetime: string;
  title: string;
  quote: string;
  place: ChapterPlace;
  actors: Actor[];
  status: { label: ClaimStatus; by?: string | undefined; sentence: string }[];
}

export interface SectionMention extends ChapterPlace {
  /** The words that named the actor in this section and how often, e.g. Turkey ×2. */
  terms: { term: string; count: number }[];
}

export interface LabelledSentence {
  status: ClaimStatus;
  by?: string | undefined;
  sentence: string;
  place: ChapterPlace;
}

export interface Facts {
  actors: Actor[];
  actorsByKind: { kind: ActorKind; actors: Actor[] }[];
  events: TimelineEvent[];
  eventsByActor: Map<string, TimelineEvent[]>;
  mentionsByActor: Map<string, SectionMention[]>;
  labelledSentences: LabelledSentence[];
  /** Every actor a chapter's text mentions, by chapter id: for filters such as search by actor. */
  actorsByChapter: Map<string, Actor[]>;
}

let loaded: Promise<Facts> | undefined;

/** Loaded once per build and shared by every page that needs it; afresh on each request in dev, where data changes. */
export function getFacts(): Promise<Facts> {
  if (import.meta.env.DEV) return loadFacts();
  return (loaded ??= loadFacts());
}

async function loadFacts(): Promise<Facts> {
  const article = readProjectFile(ARTICLE_FILE);
  const chapters = await getChapters();
  const actors = (await getCollection('actors')).map((entry) => ({ id: entry.id, ...entry.data }));
  const eventEntries = await getCollection('events');
  if (actors.length === 0)
    throw new Error(
      `${ACTORS_FILE}: no actors were loaded; check that the YAML is valid (the parse error is logged above).`,
    );
  if (eventEntries.length === 0)
    throw new Error(
      `${EVENTS_FILE}: no events were loaded; check that the YAML is valid (the parse error is logged above).`,
    );

  assertNoProblems(
    chapterActorProblems(
      chapters.map((c) => ({
        file: chapterFile(c),
        text: readProjectFile(chapterFile(c)),
        actors: c.data.actors,
      })),
      actors,
    ),
    'the actors listed in chapter frontmatter',
  );
  assertNoProblems(
    chapters.flatMap((c) =>
      claimTagProblems(chapterFile(c), findClaimTags(readProjectFile(chapterFile(c))), article),
    ),
    'the claim labels in the chapters',
  );

  const outlines = await Promise.all(chapters.map(outlineOf));
  const places = new Map(outlines.map((o) => [o.id, o]));
  const eventsFile = locator(EVENTS_FILE, readProjectFile(EVENTS_FILE));
  assertNoProblems(
    eventProblems(
      eventEntries.map((e) => ({ id: e.id, ...e.data })),
      { actorIds: new Set(actors.map((a) => a.id)), chapters: places, article, where: eventsFile },
    ),
    EVENTS_FILE,
  );

  const actorsById = new Map(actors.map((a) => [a.id, a]));
  const events: TimelineEvent[] = eventEntries
    .map((entry) => {
      const data = entry.data;
      const date = parseEventDate(data.date, data.precision);
      const outline = places.get(data.chapter)!;
      return {
        id: entry.id,
        date,
        dateLabel: formatEventDate(date),
        datetime: machineReadableDate(date),
        title: data.title,
        quote: data.quote,
        place: outline.sections.find((s) => s.anchor === data.section)!.place,
        actors: data.actors.map((id) => actorsById.get(id)!),
        status: data.status ?? [],
      };
    })
    .sort(
      (a, b) =>
        compareEventDates(a.date, b.date) || eventsFile.lineOf(a.id) - eventsFile.lineOf(b.id),
    );

  const findMentions = createMentionFinder(actors);
  const mentionsByActor = new Map<string, SectionMention[]>(actors.map((a) => [a.id, []]));
  for (const outline of outlines) {
    for (const section of outline.sections) {
      for (const [actorId, counts] of findMentions(section.mentionText)) {
        mentionsByActor.get(actorId)!.push({
          ...section.place,
          terms: [...counts].map(([term, count]) => ({ term, count })),
        });
      }
    }
  }

  const labelledSentences = outlines.flatMap((outline) =>
    outline.claims.map((tag) => ({
      status: tag.status as ClaimStatus,
      by: tag.by,
      sentence: tag.sentence,
      place: sectionOf(outline, tag.sentence).place,
    })),
  );

  return {
    actors,
    actorsByKind: ACTOR_KINDS.map((kind) => ({
      kind,
      actors: actors
        .filter((a) => a.kind === kind)
        .sort((a, b) => a.name.localeCompare(b.name, 'en')),
    })).filter((g) => g.actors.length > 0),
    events,
    eventsByActor: new Map(actors.map((a) => [a.id, events.filter((e) => e.actors.includes(a))])),
    mentionsByActor,
    labelledSentences,
    actorsByChapter: new Map(
      chapters.map((c) => [
        c.id,
        actors.filter((a) => mentionsByActor.get(a.id)!.some((m) => m.chapterId === c.id)),
      ]),
    ),
  };
}

interface Outline extends ChapterOutline {
  sections: {
    anchor?: string | undefined;
    text: string;
    mentionText: string;
    place: ChapterPlace;
  }[];
  claims: ReturnType<typeof findClaimTags>;
}

/** A chapter's sections with the heading ids the Markdown engine gave them on the page. */
async function outlineOf(chapter: Chapter): Promise<Outline> {
  const body = chapter.body ?? '';
  const { headings } = await render(chapter);
  const linkable = headings.filter((h: MarkdownHeading) => h.depth === 2 || h.depth === 3);
  const sections = splitSections(body);
  const headed = sections.filter((s) => s.heading !== undefined);
  if (headed.length !== linkable.length || headed.some((s, i) => s.heading !== linkable[i]!.text)) {
    throw new Error(
      `${chapterFile(chapter)}: could not line up its ## and ### headings (${headed.map((s) => s.heading).join(' | ')}) with the rendered ones (${linkable.map((h) => h.text).join(' | ')})`,
    );
  }
  let next = 0;
  return {
    id: chapter.id,
    claims: findClaimTags(body),
    sections: sections.map((section) => {
      const heading = section.heading === undefined ? undefined : linkable[next++]!;
      const anchor = heading?.slug;
      return {
        anchor,
        text: section.text,
        mentionText: [section.heading, section.text].filter(Boolean).join('\n'),
        place: {
          chapterId: chapter.id,
          chapterTitle: chapter.data.title,
          chapterOrder: chapter.data.order,
          anchor,
          heading: section.heading,
          path: chapterPath(chapter.id) + (anchor ? `#${anchor}` : ''),
        },
      };
    }),
  };
}

function chapterFile(chapter: Chapter): string {
  return chapter.filePath ?? `content/chapters/${chapter.id}.mdx`;
}

/** Data files are read from the project folder, where `astro build` runs. */
function sectionOf(outline: Outline, sentence: string): Outline['sections'][number] {
  const section = outline.sections.find((s) => s.text.includes(sentence));
  if (!section)
    throw new Error(
      `content/chapters/${outline.id}.mdx: the labelled sentence "${sentence}" is in none of the chapter's sections.`,
    );
  return section;
}

function readProjectFile(path: string): string {
  try {
    return readFileSync(resolve(path), 'utf8');
  } catch (error) {
    throw new Error(
      `${path} could not be read: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}
