import { withBase } from '../../lib/urls.ts';
import { site } from '../../site.config.ts';
import { CARD_DIRECTORY, CARD_SIZE, type CardContent, type SocialImage } from './content.ts';

export { CARD_DIRECTORY, CARD_SIZE, type CardContent, type SocialImage };

/**
 * What each page's social card says. Home, every chapter, the timeline and the actors index have
 * their own card; every other page shows the whole article's. The words come from the site's
 * configuration and data (titles, the "as of" date, counts), never typed here.
 */
export type CardRef =
  { kind: 'home' } | { kind: 'chapter'; slug: string } | { kind: 'timeline' } | { kind: 'actors' };

/**
 * What the cards are made from. The pages take it from Astro's collections (`siteCardSources`), the
 * build's writer and the dev server from the same files (`src/share/downloads.ts`).
 */
export interface CardSources {
  /** In reading order. */
  chapters: readonly { id: string; data: { order: number; title: string; period: string } }[];
  /** Entries in the events and actors files: one timeline event, one actor each. */
  eventCount: number;
  actorCount: number;
}

export function allCards(sources: CardSources): CardContent[] {
  return [
    cardFor({ kind: 'home' }, sources),
    ...sources.chapters.map((c) => cardFor({ kind: 'chapter', slug: c.id }, sources)),
    cardFor({ kind: 'timeline' }, sources),
    cardFor({ kind: 'actors' }, sources),
  ];
}

export function cardFor(ref: CardRef, sources: CardSources): CardContent {
  const asOf = `As of ${site.asOfLabel}`;
  const { chapters, eventCount, actorCount } = sources;
  switch (ref.kind) {
    case 'home':
      return {
        file: 'home.png',
        kicker: `Analysis · ${chapters.length} chapters`,
        title: site.title,
        header: site.standfirst,
        asOf,
        alt: `${site.title}. Analysis in ${chapters.length} chapters, as of ${site.asOfLabel}.`,
      };
    case 'chapter': {
      const index = chapters.findIndex((c) => c.id === ref.slug);
      const chapter = chapters[index];
      if (!chapter) throw new Error(`No chapter "${ref.slug}" to make a social card for.`);
      const { order, title, period } = chapter.data;
      return {
        file: `chapter-${chapter.id}.png`,
        kicker: `Chapter ${order} of ${chapters.length} · ${period}`,
        title,
        header: site.title,
        asOf,
        position: { index, count: chapters.length },
        alt: `${site.shortTitle}, chapter ${order} of ${chapters.length}: ${title} (${period}). As of ${site.asOfLabel}.`,
      };
    }
    case 'timeline':
      return {
        file: 'timeline.png',
        kicker: `${eventCount} dated events`,
        title: 'Timeline',
        header: site.title,
        asOf,
        alt: `${site.shortTitle}: the timeline of ${eventCount} dated events. As of ${site.asOfLabel}.`,
      };
    case 'actors':
      return {
        file: 'actors.png',
        kicker: `Index of ${actorCount} actors`,
        title: 'Actors',
        header: site.title,
        asOf,
        alt: `${site.shortTitle}: the index of ${actorCount} actors the analysis names. As of ${site.asOfLabel}.`,
      };
  }
}

/** The card as the page's meta tags need it: an absolute URL honouring SITE_URL and BASE_PATH. */
export function socialImage(card: CardContent, siteUrl: URL, base?: string): SocialImage {
  return {
    url: new URL(withBase(CARD_DIRECTORY + card.file, base), siteUrl).href,
    ...CARD_SIZE,
    alt: card.alt,
  };
}
