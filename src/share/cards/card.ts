import { getChapters } from '../../lib/chapters.ts';
import { getFacts } from '../../facts/load-facts.ts';
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

export async function allCards(): Promise<CardContent[]> {
  const chapters = await getChapters();
  return [
    await cardFor({ kind: 'home' }),
    ...(await Promise.all(chapters.map((c) => cardFor({ kind: 'chapter', slug: c.id })))),
    await cardFor({ kind: 'timeline' }),
    await cardFor({ kind: 'actors' }),
  ];
}

export async function cardFor(ref: CardRef): Promise<CardContent> {
  const asOf = `As of ${site.asOfLabel}`;
  switch (ref.kind) {
    case 'home': {
      const chapters = await getChapters();
      return {
        file: 'home.png',
        kicker: `Analysis · ${chapters.length} chapters`,
        title: site.title,
        header: site.standfirst,
        asOf,
        alt: `${site.title}. Analysis in ${chapters.length} chapters, as of ${site.asOfLabel}.`,
      };
    }
    case 'chapter': {
      const chapters = await getChapters();
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
    case 'timeline': {
      const { events } = await getFacts();
      return {
        file: 'timeline.png',
        kicker: `${events.length} dated events`,
        title: 'Timeline',
        header: site.title,
        asOf,
        alt: `${site.shortTitle}: the timeline of ${events.length} dated events. As of ${site.asOfLabel}.`,
      };
    }
    case 'actors': {
      const { actors } = await getFacts();
      return {
        file: 'actors.png',
        kicker: `Index of ${actors.length} actors`,
        title: 'Actors',
        header: site.title,
        asOf,
        alt: `${site.shortTitle}: the index of ${actors.length} actors the analysis names. As of ${site.asOfLabel}.`,
      };
    }
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
