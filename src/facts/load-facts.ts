/**
 * The facts for the pages, from Astro's collections: a thin adapter around `buildFacts`
 * (graph.ts), which holds every check. Built once per build and shared by every page that needs
 * it (afresh on each request in dev, where data changes); bad data fails the build with every
 * problem, each naming its file and line.
 */
import { getCollection } from 'astro:content';
import { getChapters, getSource } from '../lib/chapters.ts';
import { readProjectFile } from '../lib/project-files.ts';
import { ACTORS_FILE } from './actor.ts';
import { EVENTS_FILE } from './event.ts';
import { buildFacts, formatProblems, type Facts } from './graph.ts';

export type { Actor, ChapterPlace, Facts, SectionMention, TimelineEvent } from './graph.ts';

let loaded: Promise<Facts> | undefined;

export function getFacts(): Promise<Facts> {
  if (import.meta.env.DEV) return loadFacts();
  return (loaded ??= loadFacts());
}

async function loadFacts(): Promise<Facts> {
  const [chapters, actors, events] = await Promise.all([
    getChapters(),
    getCollection('actors'),
    getCollection('events'),
  ]);
  const result = buildFacts({
    actors: { file: ACTORS_FILE, text: readProjectFile(ACTORS_FILE), entries: actors },
    events: { file: EVENTS_FILE, text: readProjectFile(EVENTS_FILE), entries: events },
    chapters,
    article: getSource(),
  });
  if (!result.ok) throw new Error(formatProblems(result.problems));
  return result.facts;
}
