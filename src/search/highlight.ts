/** Marks the searched terms in the chapter a result led to (loaded only when the URL asks for it). */
import { bundlePath, HIGHLIGHT_PARAM } from './config.ts';

interface PagefindHighlightOptions {
  highlightParam: string;
  markContext: string;
  addStyles: boolean;
}
type PagefindHighlightClass = new (options: PagefindHighlightOptions) => unknown;

export async function highlightTerms(): Promise<void> {
  await import(/* @vite-ignore */ `${bundlePath()}pagefind-highlight.js`);
  const PagefindHighlight = (window as unknown as { PagefindHighlight?: PagefindHighlightClass })
    .PagefindHighlight;
  if (!PagefindHighlight) throw new Error('pagefind-highlight.js did not define PagefindHighlight');
  // The site's own <mark> style applies; Pagefind's would add an inline stylesheet.
  new PagefindHighlight({
    highlightParam: HIGHLIGHT_PARAM,
    markContext: '[data-pagefind-body]',
    addStyles: false,
  });
}
