/**
 * The search interface, loaded on first use: a modal dialog on every page, or the form on the search
 * page. It draws input, filters, results and their sections itself, on Pagefind's documented API
 * (engine.ts), and fetches each result's data only when that result is put on screen. A query that
 * finds nothing, or only stray matches, gets the vocabulary (suggest.ts): a known other spelling is
 * searched at once, a likely typo gets "Did you mean …?".
 */
import styles from '../styles/search.css?inline';
import folding from 'virtual:search-folding';
import { withBase } from '../lib/urls.ts';
import { FILTERS, searchPageUrl, vocabularyUrl } from './config.ts';
import { loadEngine, type Filters, type ResultData, type SearchResults } from './engine.ts';
import { foldQuery } from './query.ts';
import {
  corrections,
  type Corrections,
  readVocabulary,
  strayMatches,
  type Vocabulary,
  type VocabularyFile,
} from './suggest.ts';
import { asOnPage, wordsOf } from './words.ts';

const LABEL = 'Search the article';
/**
 * Pagefind's own wait after a keystroke is 300 ms; our index answers in a millisecond, so a query
 * waits just long enough to skip mid-word searches. One or two letters are nearly always the start
 * of a longer word: they are searched only once the reader pauses, so their results (and the
 * fetches for them) do not come and go under a word still being typed.
 */
const debounceMs = (query: string) => (query.length < 3 ? 300 : 30);
/** Results drawn at once come to about a screenful (a result with its sections is ~280 px); the rest come with "Show more". */
const firstBatch = () => Math.max(1, Math.floor((window.innerHeight - 250) / 280));
const MORE_BATCH = 5;
/** Sections shown under each result, the ones with the most matches. */
const SECTIONS_PER_RESULT = 3;

let styled = false;
/** The interface's styles travel inside this script: one request fewer before the first result. */
function adoptStyles(): void {
  if (styled) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(styles);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  styled = true;
}

let vocabulary: Promise<Vocabulary> | undefined;
/** The vocabulary of the index, fetched the first time a query finds nothing or little. */
function loadVocabulary(): Promise<Vocabulary> {
  vocabulary ??= fetch(vocabularyUrl())
    .then(async (response) => {
      if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
      return readVocabulary((await response.json()) as VocabularyFile);
    })
    .catch((error: unknown) => {
      vocabulary = undefined;
      throw error;
    });
  return vocabulary;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/**
 * Pagefind's excerpts are text with the matched words in `<mark>` (entities already escaped, so
 * documented safe as HTML); parsed by the browser, only text and marks are kept.
 */
function excerpt(html: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  return Array.from(template.content.childNodes, (node) => {
    const text = asOnPage(node.textContent ?? '');
    return node instanceof HTMLElement && node.tagName === 'MARK'
      ? element('mark', {}, [text])
      : document.createTextNode(text);
  });
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The words of a page the query matched (Pagefind gives their positions in the page's text). */
function matchedWords(data: ResultData): string[] {
  const words = data.content.split(/\s+/u);
  return data.locations.map((at) => words[at] ?? '');
}

let views = 0;

/** One search form with its results: in the dialog, or on the search page. */
class SearchView {
  readonly root: HTMLElement;
  readonly input: HTMLInputElement;
  /** Called on every change of terms or filters (the search page keeps its address in step). */
  onChange: ((term: string, filters: Filters) => void) | undefined;

  private readonly filters: Filters = {};
  private readonly details: HTMLDetailsElement;
  private readonly selects = new Map<string, HTMLSelectElement>();
  private readonly status: HTMLElement;
  private readonly note: HTMLElement;
  private readonly suggestions: HTMLElement;
  private readonly advice: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly more: HTMLButtonElement;
  private seq = 0;
  private results: SearchResults | undefined;
  private shown = 0;
  private filterOptions: Promise<void> | undefined;

  constructor(extra: { header?: Node[] } = {}) {
    const id = `search-${++views}`;
    this.input = element('input', {
      id: `${id}-input`,
      type: 'search',
      placeholder: LABEL,
      autocomplete: 'off',
      spellcheck: 'false',
      enterkeyhint: 'search',
    });
    const form = element('form', { class: 'search-form', role: 'search' }, [
      element('label', { class: 'visually-hidden', for: this.input.id }, [LABEL]),
      this.input,
      ...(extra.header ?? []),
    ]);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.run({ now: true });
    });
    this.input.addEventListener('input', () => void this.run());

    this.details = element('details', { class: 'search-filters' }, [
      element('summary', {}, ['Filter by chapter, actor or place']),
      element(
        'div',
        { class: 'search-filters__fields' },
        FILTERS.flatMap(({ name, label, all }) => {
          const select = element('select', { id: `${id}-${name}`, name }, [
            element('option', { value: '' }, [all]),
          ]);
          select.addEventListener('change', () => {
            if (select.value) this.filters[name] = [select.value];
            else delete this.filters[name];
            void this.run({ now: true });
          });
          this.selects.set(name, select);
          return [
            element('div', { class: 'search-filters__field' }, [
              element('label', { for: select.id }, [label]),
              select,
            ]),
          ];
        }),
      ),
    ]);
    // The filter values are one more fetch: made when the reader reaches for the filters.
    const summary = this.details.querySelector('summary')!;
    for (const event of ['pointerover', 'focus'])
      summary.addEventListener(event, () => void this.loadFilterOptions().catch(() => {}));
    this.details.addEventListener('toggle', () => {
      if (this.details.open) void this.loadFilterOptions().catch(console.error);
    });

    this.status = element('p', { class: 'search-status', role: 'status', 'aria-live': 'polite' });
    this.note = element('p', { class: 'search-note', hidden: '' });
    this.suggestions = element('p', { class: 'search-suggestions', hidden: '' });
    this.advice = element('div', { class: 'search-advice', hidden: '' }, [
      element('p', {}, [
        'Try another spelling, fewer or shorter words, or a name such as “Zangezur” or “Sputnik”.',
      ]),
      element('p', {}, [
        'Clear any filters above, or ',
        element('a', { href: withBase('') }, ['browse the contents']),
        '.',
      ]),
    ]);
    this.list = element('ol', { class: 'search-results', 'aria-label': 'Search results' });
    this.more = element('button', { type: 'button', class: 'search-more', hidden: '' });
    this.more.addEventListener('click', () => void this.showMore());

    this.root = element('div', { class: 'search-view' }, [
      form,
      this.details,
      this.status,
      this.note,
      this.suggestions,
      this.advice,
      this.list,
      this.more,
    ]);
    this.root.addEventListener('keydown', (event) => this.moveFocus(event));
  }

  /** Arrow keys move between the input and the result links; Enter follows a link. */
  private moveFocus(event: KeyboardEvent): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const stops = [this.input, ...this.list.querySelectorAll<HTMLAnchorElement>('a[href]')];
    const at = stops.indexOf(document.activeElement as HTMLInputElement);
    if (at < 0) return;
    const next = stops[at + (event.key === 'ArrowDown' ? 1 : -1)];
    if (!next) return;
    event.preventDefault();
    next.focus();
  }

  private loadFilterOptions(): Promise<void> {
    this.filterOptions ??= loadEngine()
      .then((pagefind) => pagefind.filters())
      .then((available) => {
        for (const { name } of FILTERS) {
          const select = this.selects.get(name)!;
          const values = Object.keys(available[name] ?? {}).sort((a, b) =>
            a.localeCompare(b, 'en', { numeric: true }),
          );
          const chosen = this.filters[name]?.[0];
          if (chosen && !values.includes(chosen)) values.push(chosen);
          select.append(...values.map((value) => element('option', { value }, [value])));
          select.value = chosen ?? '';
        }
      })
      .catch((error: unknown) => {
        this.filterOptions = undefined;
        throw error;
      });
    return this.filterOptions;
  }

  /** Starts with the given terms and filters (from the search page's address). */
  async start(term: string, filters: Filters): Promise<void> {
    this.input.value = term;
    for (const { name } of FILTERS) {
      const value = filters[name]?.[0];
      if (value) this.filters[name] = [value];
    }
    if (Object.keys(this.filters).length) {
      this.details.open = true;
      await this.loadFilterOptions();
    }
    if (term.trim() || Object.keys(this.filters).length) await this.run({ now: true });
  }

  /** Runs the query in the input: debounced while typing, at once on Enter or a change of filter. */
  async run({
    now = false,
    respelt,
  }: { now?: boolean; respelt?: Required<Corrections> } = {}): Promise<void> {
    const seq = ++this.seq;
    const typed = this.input.value.trim();
    const term = respelt?.respelt ?? typed;
    this.onChange?.(typed, { ...this.filters });
    const filtered = Object.keys(this.filters).length > 0;
    if (!term && !filtered) {
      this.clear();
      return;
    }
    const pagefind = await loadEngine();
    if (seq !== this.seq) return;
    const query = term ? foldQuery(term, folding) : null;
    const options = filtered ? { filters: { ...this.filters } } : {};
    const results =
      now || !query
        ? await pagefind.search(query, options)
        : await pagefind.debouncedSearch(query, options, debounceMs(query));
    // A later keystroke replaced this query: nothing of it is fetched or drawn.
    if (!results || seq !== this.seq) return;

    const first = await this.load(results, 0, firstBatch(), seq);
    if (!first) return;
    this.results = results;
    this.list.replaceChildren(...first.items);
    this.root.closest('.search-dialog__panel')?.scrollTo({ top: 0 });
    this.shown = first.items.length;
    this.updateMore();
    this.note.hidden = true;
    this.suggestions.hidden = true;
    this.advice.hidden = true;
    const count = results.results.length;
    if (count === 0) this.status.textContent = `No results for ${term}`;
    else
      this.status.textContent = plural(count, 'result', 'results') + (term ? ` for ${term}` : '');
    if (respelt) {
      const spelt = respelt.respellings.map(([from, to]) => `${from} as ${to}`);
      this.note.textContent = `Showing results for ${term}: the article spells ${spelt.join(', ')}.`;
      this.note.hidden = false;
      return;
    }
    if (!query) return;
    const stray = count > 0 && strayMatches(wordsOf(query), first.data.flatMap(matchedWords));
    if (count === 0 || (stray && stray.length > 0)) await this.offerCorrections(typed, seq);
  }

  /** A query found nothing or only stray matches: respell it, or suggest, or advise. */
  private async offerCorrections(typed: string, seq: number): Promise<void> {
    let found: Corrections;
    try {
      found = corrections(typed, await loadVocabulary());
    } catch (error) {
      console.error(error);
      found = { suggestions: [] };
    }
    if (seq !== this.seq) return;
    if (found.respelt && found.respellings) {
      await this.run({
        now: true,
        respelt: { ...found, respelt: found.respelt, respellings: found.respellings },
      });
      return;
    }
    if (found.suggestions.length) {
      this.suggestions.replaceChildren(
        'Did you mean ',
        ...found.suggestions.flatMap((suggestion, i) => {
          const button = element('button', { type: 'button', class: 'search-suggestion' }, [
            suggestion,
          ]);
          button.addEventListener('click', () => {
            this.input.value = suggestion;
            this.input.focus();
            void this.run({ now: true });
          });
          const separator = i === 0 ? [] : [i === found.suggestions.length - 1 ? ' or ' : ', '];
          return [...separator, button];
        }),
        '?',
      );
      this.suggestions.hidden = false;
    }
    if ((this.results?.results.length ?? 0) === 0) this.advice.hidden = false;
  }

  /** Fetches the data of results `from`…`from + count` and draws them; undefined if superseded. */
  private async load(results: SearchResults, from: number, count: number, seq: number) {
    const data = await Promise.all(
      results.results.slice(from, from + count).map((result) => result.data()),
    );
    if (seq !== this.seq) return undefined;
    return { data, items: data.map((d) => this.item(d)) };
  }

  private item(data: ResultData): HTMLLIElement {
    const title = asOnPage(data.meta['title'] ?? data.url);
    const sections = data.sub_results
      .filter((sub) => sub.anchor && sub.anchor.element !== 'h1')
      .map((sub, order) => ({ sub, order }))
      .sort((a, b) => b.sub.locations.length - a.sub.locations.length || a.order - b.order)
      .slice(0, SECTIONS_PER_RESULT)
      .sort((a, b) => a.order - b.order)
      .map(({ sub }) =>
        element('li', {}, [
          element('a', { href: sub.url, class: 'search-result__section' }, [asOnPage(sub.title)]),
          element('p', { class: 'search-result__excerpt' }, excerpt(sub.excerpt)),
        ]),
      );
    return element('li', { class: 'search-result' }, [
      element('a', { href: data.url, class: 'search-result__link' }, [title]),
      // A chapter of the editors' own text says so (its page sets `data-pagefind-meta="source"`).
      ...(data.meta['source']
        ? [element('p', { class: 'search-result__source' }, [data.meta['source']])]
        : []),
      element('p', { class: 'search-result__excerpt' }, excerpt(data.excerpt)),
      ...(sections.length ? [element('ul', { class: 'search-result__sections' }, sections)] : []),
    ]);
  }

  private updateMore(): void {
    const remaining = (this.results?.results.length ?? 0) - this.shown;
    this.more.hidden = remaining <= 0;
    this.more.textContent = `Show ${plural(Math.min(remaining, MORE_BATCH), 'more result', 'more results')}`;
  }

  private async showMore(): Promise<void> {
    if (!this.results) return;
    const seq = this.seq;
    const more = await this.load(this.results, this.shown, MORE_BATCH, seq);
    if (!more) return;
    this.list.append(...more.items);
    this.shown += more.items.length;
    this.updateMore();
    more.items[0]?.querySelector('a')?.focus();
  }

  private clear(): void {
    this.results = undefined;
    this.shown = 0;
    this.list.replaceChildren();
    this.status.textContent = '';
    for (const part of [this.note, this.suggestions, this.advice, this.more]) part.hidden = true;
  }
}

/** Appends what the reader typed before the input existed, and searches for it. */
function focusInput(input: HTMLInputElement, takeTypedAhead: () => string): void {
  input.focus();
  const typedAhead = takeTypedAhead();
  if (!typedAhead) return;
  input.value += typedAhead;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

let dialog: { element: HTMLDialogElement; view: SearchView } | undefined;

function createDialog(): NonNullable<typeof dialog> {
  const close = element('button', { type: 'button', class: 'search-close' }, ['Close']);
  const view = new SearchView({ header: [close] });
  const pageLink = element('a', { class: 'search-page-link', href: searchPageUrl() }, [
    'Open as a page to share',
  ]);
  view.onChange = (term, filters) => (pageLink.href = searchPageUrl(term, filters));
  const footer = element('footer', { class: 'search-dialog__footer' }, [
    element('p', { class: 'search-hints' }, [
      element('kbd', {}, ['↑']),
      element('kbd', {}, ['↓']),
      ' to move, ',
      element('kbd', {}, ['Enter']),
      ' to open, ',
      element('kbd', {}, ['Esc']),
      ' to close',
    ]),
    pageLink,
  ]);
  const dialogElement = element('dialog', { class: 'search-dialog', 'aria-label': LABEL }, [
    element('div', { class: 'search-dialog__panel' }, [view.root, footer]),
  ]);
  close.addEventListener('click', () => dialogElement.close());
  // A click on the backdrop (the dialog itself, outside its panel) closes it.
  dialogElement.addEventListener('click', (event) => {
    if (event.target === dialogElement) dialogElement.close();
  });
  document.body.append(dialogElement);
  return { element: dialogElement, view };
}

/** Starts loading the engine and draws nothing: the reader's pointer or focus is on the search control. */
export function prepare(): void {
  void loadEngine().catch(() => {
    // Reported when the reader actually opens search.
  });
}

/** Opens search in a modal dialog; focus goes to its input, and back to where it was on closing. */
export async function openSearchDialog(takeTypedAhead: () => string = () => ''): Promise<void> {
  adoptStyles();
  const engine = loadEngine();
  dialog ??= createDialog();
  if (!dialog.element.open) dialog.element.showModal();
  focusInput(dialog.view.input, takeTypedAhead);
  await engine;
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
  adoptStyles();
  await loadEngine();
  const view = new SearchView();
  container.replaceChildren(view.root);
  document.querySelector('.search-page__fallback')?.remove();
  const params = new URLSearchParams(location.search);
  view.input.focus();
  await view.start(params.get('q') ?? '', filtersFromUrl(params));
  view.onChange = (term, filters) => {
    const url = searchPageUrl(term, filters);
    if (url !== location.pathname + location.search) history.replaceState(null, '', url);
  };
}

export function focusSearchPage(
  container: HTMLElement,
  takeTypedAhead: () => string = () => '',
): void {
  const input = container.querySelector('input');
  if (input) focusInput(input, takeTypedAhead);
}
