/**
 * The only search code every page loads: nothing of search is fetched until the reader shows an
 * intent to search. The pointer over, or focus on, the header's search control fetches the interface
 * and starts the engine; the control itself, `/` and Ctrl/Cmd+K open it. It also starts the search
 * page and the highlighting of a result's terms, when the page in hand needs them.
 */
import { HIGHLIGHT_PARAM, searchPageUrl } from './config.ts';

const loadUi = () => import('./search-ui.ts');

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

export function installSearchOpener(): void {
  const searchPage = document.querySelector<HTMLElement>('[data-search-page]');
  const triggers = document.querySelectorAll<HTMLAnchorElement>('a[data-search-trigger]');

  let opening = false;
  // What the reader types while the interface loads, handed to its input once it is there.
  let typedAhead = '';
  function keepTypedAhead(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key.length === 1) typedAhead += event.key;
    else if (event.key === 'Backspace') typedAhead = typedAhead.slice(0, -1);
    else return;
    event.preventDefault();
  }

  async function open(): Promise<void> {
    if (opening) return;
    opening = true;
    typedAhead = '';
    document.addEventListener('keydown', keepTypedAhead);
    // Called by the interface the moment its input takes focus, so no keystroke falls in between.
    const takeTypedAhead = (): string => {
      document.removeEventListener('keydown', keepTypedAhead);
      return typedAhead;
    };
    try {
      const ui = await loadUi();
      if (searchPage) ui.focusSearchPage(searchPage, takeTypedAhead);
      else await ui.openSearchDialog(takeTypedAhead);
    } catch (error) {
      // Without the interface (offline, blocked), the search page still explains what to do.
      console.error(error);
      if (!searchPage) location.assign(triggers[0]?.href ?? searchPageUrl());
    } finally {
      document.removeEventListener('keydown', keepTypedAhead);
      opening = false;
    }
  }

  // Intent: the engine loads while the reader moves to click or press, so the first query waits less.
  const prepare = () => {
    loadUi()
      .then((ui) => ui.prepare())
      .catch(() => {
        // Reported when the reader actually opens search.
      });
  };
  for (const trigger of triggers) {
    trigger.setAttribute('aria-haspopup', searchPage ? 'false' : 'dialog');
    trigger.addEventListener('pointerover', prepare, { once: true });
    trigger.addEventListener('focus', prepare, { once: true });
    trigger.addEventListener('click', (event) => {
      // A modified click still opens the search page in a new tab, as links do.
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
        return;
      event.preventDefault();
      void open();
    });
  }

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.isComposing) return;
    const slash =
      event.key === '/' &&
      !event.ctrlKey &&
      !event.metaKey &&
      !event.altKey &&
      !isTyping(event.target);
    const commandK =
      event.key.toLowerCase() === 'k' &&
      (event.ctrlKey || event.metaKey) &&
      !event.altKey &&
      !event.shiftKey;
    if (!slash && !commandK) return;
    if (document.querySelector('dialog[open]')) return;
    event.preventDefault();
    void open();
  });

  if (searchPage) {
    loadUi()
      .then((ui) => ui.mountSearchPage(searchPage))
      .catch((error: unknown) => {
        // The page's own chapter list is the way on when the interface cannot load.
        console.error(error);
        document.documentElement.classList.add('search-unavailable');
      });
  }
  if (new URLSearchParams(location.search).has(HIGHLIGHT_PARAM))
    void import('./highlight.ts').then((h) => h.highlightTerms());
}
