import type { APIRoute, GetStaticPaths } from 'astro';
import { allCards } from '../../share/cards/card.ts';
import { renderCards, type RenderedCards } from '../../share/cards/render.ts';

/** Every social card, drawn once per build (or read from the cache) the first time one is asked for. */
let cards: Promise<RenderedCards> | undefined;
function rendered(): Promise<RenderedCards> {
  // In dev, cards follow edits; a build draws them all at once and drops renders nothing uses.
  if (import.meta.env.DEV) return allCards().then((all) => renderCards(all));
  return (cards ??= allCards().then(async (all) => {
    const result = await renderCards(all, { prune: true });
    console.info(`\nsocial cards: ${result.rendered} drawn, ${result.cached} from cache`);
    return result;
  }));
}

export const getStaticPaths = (async () =>
  (await allCards()).map((card) => ({
    params: { name: card.file.replace(/\.png$/, '') },
    props: { file: card.file },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: string }> = async ({ props }) => {
  const png = (await rendered()).files.get(props.file);
  if (!png) throw new Error(`The social card ${props.file} was not rendered.`);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
