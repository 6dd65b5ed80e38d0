/**
 * The search interface, loaded on first use: Pagefind's Component UI in a modal dialog, or on the
 * search page. Pagefind draws input, results, filters and announcements; this module wires it to
 * the site (base path, highlighting, styles, the URL of the search page) and adds the no-result advice.
 */
import searchStylesUrl from '../styles/search.css?url';
import { withBase } from '../lib/urls.ts';
import { bundlePath, FILTERS, HIGHLIGHT_PARAM, RANKING, searchPageUrl } from './config.ts';
import { searchableQuery } from './query.ts';

type Filters = Record<string, string[]>;
type SearchResults = { results: unknown[] };

/** The parts of Pagefind's Component UI instance used here (pagefind-component-ui.js, 1.6). */
interface SearchInstance {
  searchTerm: string;
  searchFilters: Filters;
  on(event: 'search', callback: (term: string, filters: Filters) => void): void;
  on(event: 'results', callback: (results: SearchResults) => void): void;
  triggerSearchWithFilters(term: string, filters: Filters): void;
  setTranslations(overrides: Record<string, string>): void;
  /** Internal; wrapped so readers' words are made searchable before Pagefind sees them. */
  __search__(term: string, filters: Filters): Promise<void>;
}
interface PagefindComponents {
  configureInstance(name: string, options: Record<string, unknown>): SearchInstance;
}
interface PagefindModalElement extends HTMLElement {
  dialogEl: HTMLDialogElement | null;
  open(): void;
  isOpen: boolean;
}

const DIALOG_LABEL = 'Search the article';
/** Pagefind waits 300 ms after a keystroke; our index answers in a few ms, so wait just long enough to skip mid-word searches. */
const INPUT_DEBOUNCE_MS = '40';

let ready: Promise<SearchInstance> | undefined;

function loadStylesheet(href: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => reject(new Error(`Could not load ${href}`)));
    document.head.append(link);
  });
}

/** Loads Pagefind's components and styles once, and configures the shared search instance. */
function loadComponents(): Promise<SearchInstance> {
  ready ??= (async () => {
    const bundle = bundlePath();
    await Promise.all([
      loadStylesheet(`${bundle}pagefind-component-ui.css`).then(() =>
        loadStylesheet(searchStylesUrl),
      ),
      import(/* @vite-ignore */ `${bundle}pagefind-component-ui.js`),
    ]);
    const components = (window as unknown as { PagefindComponents?: PagefindComponents })
      .PagefindComponents;
    if (!components) throw new Error('pagefind-component-ui.js did not define PagefindComponents');
    const instance = components.configureInstance('default', {
      bundlePath: bundle,
      baseUrl: withBase(''),
      highlightParam: HIGHLIGHT_PARAM,
      ranking: RANKING,
    });
    // Before any component exists, so none has to redraw.
    instance.setTranslations({ search_label: DIALOG_LABEL, placeholder: DIALOG_LABEL });
    const search = instance.__search__.bind(instance);
    instance.__search__ = (term, filters) => search(term ? searchableQuery(term) : term, filters);
    return instance;
  })().catch((error: unknown) => {
    // Forget a failed load (a dropped connection, say), so the next attempt starts afresh.
    ready = undefined;
    throw error;
  });
  return ready;
}

function element(
  tag: string,
  attributes: Record<string, string> = {},
  children: (Node | string)[] = [],
): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function filterDropdowns(): HTMLElement {
  return element(
    'div',
    { class: 'search-filters' },
    FILTERS.map(({ name, label }) =>
      element('pagefind-filter-dropdown', { filter: name, label, sort: 'alphabetical', wrap: '' }),
    ),
  );
}

/** Pagefind's filter buttons are comboboxes, which take no name from their text: point them at it. */
function nameFilterButtons(root: ParentNode): void {
  for (const button of root.querySelectorAll<HTMLElement>(
    '.search-filters [role="combobox"]:not([aria-labelledby])',
  )) {
    const label = button.querySelector<HTMLElement>('.pf-dropdown-trigger-label');
    if (!label) continue;
    label.id ||= `${button.id}-label`;
    button.setAttribute('aria-labelledby', label.id);
  }
}

/** Said when nothing matches: what to try next. */
function noResultsAdvice(instance: SearchInstance): HTMLElement {
  const advice = element('div', { class: 'search-advice', hidden: '' }, [
    element('p', {}, [
      'Try another spelling, fewer or shorter words, or a name such as “Zangezur” or “Sputnik”.',
    ]),
    element('p', {}, [
      'Clear any filters above, or ',
      element('a', { href: withBase('') }, ['browse the contents']),
      '.',
    ]),
  ]);
  instance.on('results', (results) => {
    advice.hidden = !(instance.searchTerm.trim() && results.results.length === 0);
  });
  return advice;
}

function searchParts(instance: SearchInstance): HTMLElement[] {
  return [
    filterDropdowns(),
    element('pagefind-summary'),
    noResultsAdvice(instance),
    element('pagefind-results', { 'max-sub-results': '3' }),
  ];
}

let modal: PagefindModalElement | undefined;

/** Appends what the reader typed before the input existed, and searches for it. */
function focusInput(root: ParentNode, takeTypedAhead: () => string): void {
  const input = root.querySelector('input');
  if (!input) return;
  input.focus();
  const typedAhead = takeTypedAhead();
  if (!typedAhead) return;
  input.value += typedAhead;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Opens search in a modal dialog; focus goes to its input and back to where it was on closing. */
export async function openSearchDialog(takeTypedAhead: () => string = () => ''): Promise<void> {
  const instance = await loadComponents();
  if (!modal) {
    const pageLink = element('a', { class: 'search-page-link', href: searchPageUrl() }, [
      'Open as a page to share',
    ]) as HTMLAnchorElement;
    instance.on('search', (term, filters) => (pageLink.href = searchPageUrl(term, filters)));
    // A placeholder child stops Pagefind generating its default contents. The real contents go straight
    // into its <dialog>: moved there after connecting, Pagefind's parts would set themselves up twice.
    modal = element('pagefind-modal', { class: 'search-modal' }, [
      element('div'),
    ]) as PagefindModalElement;
    document.body.append(modal);
    modal.dialogEl?.replaceChildren(
      element('pagefind-modal-header', {}, [
        element('pagefind-input', { debounce: INPUT_DEBOUNCE_MS }),
      ]),
      element('pagefind-modal-body', {}, searchParts(instance)),
      element('pagefind-modal-footer', {}, [element('pagefind-keyboard-hints'), pageLink]),
    );
    nameFilterButtons(modal);
  }
  // Pagefind names the dialog "search"; give it the site's wording.
  modal.dialogEl?.setAttribute('aria-label', DIALOG_LABEL);
  modal.open();
  // Pagefind focuses the input a frame later; a reader who types at once would lose a letter.
  focusInput(modal, takeTypedAhead);
}

function filtersFromUrl(params: URLSearchParams): Filters {
  const filters: Filters = {};
  for (const { name } of FILTERS) {
    const values = params.getAll(name);
    if (values.length) filters[name] = values;
  }
  return filters;
}

/** The search page: runs the query from `?q=` (and filters), and keeps the address in step for sharing. */
export async function mountSearchPage(container: HTMLElement): Promise<void> {
  const instance = await loadComponents();
  container.replaceChildren(
    element('pagefind-input', { debounce: INPUT_DEBOUNCE_MS }),
    ...searchParts(instance),
  );
  nameFilterButtons(container);
  document.querySelector('.search-page__fallback')?.remove();
  const params = new URLSearchParams(location.search);
  const term = params.get('q') ?? '';
  const filters = filtersFromUrl(params);
  instance.on('search', (current, currentFilters) => {
    const url = searchPageUrl(current.trim(), currentFilters);
    if (url !== location.pathname + location.search) history.replaceState(null, '', url);
  });
  if (term || Object.keys(filters).length) instance.triggerSearchWithFilters(term, filters);
  container.querySelector<HTMLElement>('pagefind-input')?.focus();
}

export function focusSearchPage(
  container: HTMLElement,
  takeTypedAhead: () => string = () => '',
): void {
  focusInput(container, takeTypedAhead);
}
