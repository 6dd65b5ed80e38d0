import { getFacts } from '../../facts/load-facts.ts';
import { getChapters } from '../../lib/chapters.ts';
import type { CardSources } from './card.ts';

/** What the pages' cards are made from, through Astro's collections. */
export async function siteCardSources(): Promise<CardSources> {
  const [chapters, { events, actors }] = await Promise.all([getChapters(), getFacts()]);
  return { chapters, eventCount: events.length, actorCount: actors.length };
}
