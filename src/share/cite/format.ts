import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import apa7 from './apa-7-web.csl?raw';
import chicagoAuthorDate from './chicago-author-date-web.csl?raw';
import mla9 from './mla-9-web.csl?raw';
import { parseFragment, serialize, type DefaultTreeAdapterTypes } from 'parse5';
import { attribute, walkElements } from '../../lib/html.ts';
import type { CitationRecord, CslDate } from './record.ts';
import type { ReferenceCache } from './reference-cache.ts';

/**
 * Formatted references and downloadable records, made by Citation.js (citeproc-js underneath) from
 * one CSL-JSON record at build time. APA 7, Chicago author-date and MLA 9 are this site's own CSL
 * styles for the one kind of source it cites (see the .csl files; a unit test holds them to the
 * official styles): the full APA style Citation.js ships costs ten times as much per reference,
 * and every chapter page formats its own.
 */
export const CITATION_STYLES = [
  { id: 'apa', name: 'APA 7', template: 'site-apa-7', xml: apa7 },
  {
    id: 'chicago',
    name: 'Chicago (author-date)',
    template: 'site-chicago-author-date',
    xml: chicagoAuthorDate,
  },
  { id: 'mla', name: 'MLA 9', template: 'site-mla-9', xml: mla9 },
] as const;

export type CitationStyleId = (typeof CITATION_STYLES)[number]['id'];

const cslConfig = plugins.config.get('@csl');
for (const style of CITATION_STYLES) {
  if (!cslConfig.styles.has(style.template)) cslConfig.styles.add(style.template, style.xml);
}

/** The US English conventions all three styles are written for. */
const LOCALE = 'en-US';

/**
 * One style's reference of a record, as HTML (italics kept). A style that has no access date gives
 * the whole reference; one that has gives the HTML before and after the reader's access date, and
 * the date as the style writes it for each month (index 0 = January) of a sample day,
 * `ACCESS_SAMPLE`, so the page can write any date the same way without formatting in the browser.
 */
export type FormattedReference = { id: CitationStyleId; name: string } & (
  { html: string; accessed?: undefined } | { html?: undefined; accessed: AccessSlot }
);

export interface AccessSlot {
  before: string;
  after: string;
  forms: string[];
}

/** The sample access date whose day and year the page swaps for today's: 28th of each month, 1999. */
export const ACCESS_SAMPLE = { day: 28, year: 1999 } as const;

function bibliography(record: CitationRecord, template: string, format: 'html' | 'text'): string {
  return new Cite(record).format('bibliography', { format, template, lang: LOCALE }).trim();
}

/** What a Citation.js bibliography entry holds, without the entry's own div. */
function entryContent(entryHtml: string): string {
  let entry: DefaultTreeAdapterTypes.Element | undefined;
  walkElements(parseFragment(entryHtml), (element) => {
    if (attribute(element, 'class')?.split(/\s+/).includes('csl-entry')) entry ??= element;
  });
  if (!entry) throw new Error(`Citation.js returned no bibliography entry: ${entryHtml}`);
  return serialize(entry).trim();
}

/** How every bibliography is asked for: entry by entry, in the records' order. */
const BIBLIOGRAPHY_OPTIONS = {
  format: 'html',
  lang: LOCALE,
  asEntryArray: true,
  nosort: true,
} as const;

/**
 * Each record's reference in one style, as HTML: the entries `cache` has, and the others made in one
 * Citeproc run (a run's cost is mostly its own, not its records'). The styles neither sort nor
 * disambiguate, so each entry is what the record alone would give; ids are the records' places in
 * the list, as two may share an id.
 */
function bibliographies(
  records: readonly CitationRecord[],
  style: Style,
  cache: ReferenceCache | undefined,
): string[] {
  const cached = cache && { cache, styleKey: cache.styleKey(style, LOCALE, BIBLIOGRAPHY_OPTIONS) };
  const keys = records.map((record) => cached?.cache.key(cached.styleKey, record));
  const entries = keys.map((key) => (key === undefined ? undefined : cached?.cache.get(key)));
  const missing = records.flatMap((record, index) =>
    entries[index] === undefined ? [{ ...record, id: String(index) }] : [],
  );
  if (missing.length > 0) {
    const made = new Cite(missing).format('bibliography', {
      ...BIBLIOGRAPHY_OPTIONS,
      template: style.template,
    });
    for (const [id, html] of made) {
      const index = Number(id);
      entries[index] = html;
      const key = keys[index];
      if (key !== undefined) cached?.cache.set(key, html);
    }
  }
  return entries.map((html, index) => {
    if (html === undefined) throw new Error(`Citation.js returned no entry for record ${index}`);
    return entryContent(html);
  });
}

function withAccess(record: CitationRecord, month: number): CitationRecord {
  const accessed: CslDate = { 'date-parts': [[ACCESS_SAMPLE.year, month, ACCESS_SAMPLE.day]] };
  return { ...record, accessed };
}

function withoutAccess(record: CitationRecord): CitationRecord {
  const plain: CitationRecord = { ...record };
  delete plain.accessed;
  return plain;
}

/** References already made in this build, by record (its JSON): each page's are made once. */
const formatted = new Map<string, FormattedReference[]>();

/**
 * Every style's reference of the record. `together` are the records of the pages like it (every
 * chapter's, on a chapter page): the first page formats them all at once, in one Citeproc run per
 * style and access date, and the others find theirs made. Citeproc is the build's most expensive step
 * per page; one run for a thousand records costs about half of a thousand runs, and with a `cache`
 * (reference-cache.ts) a build runs it only for the entries no earlier build made.
 */
export function formatReferences(
  record: CitationRecord,
  together: readonly CitationRecord[] = [],
  cache?: ReferenceCache,
): FormattedReference[] {
  const key = JSON.stringify(withoutAccess(record));
  if (!formatted.has(key)) {
    const pending = new Map([[key, withoutAccess(record)]]);
    for (const other of together) {
      const plain = withoutAccess(other);
      const otherKey = JSON.stringify(plain);
      if (!formatted.has(otherKey)) pending.set(otherKey, plain);
    }
    const results = formatAll([...pending.values()], cache);
    [...pending.keys()].forEach((pendingKey, index) => formatted.set(pendingKey, results[index]!));
    cache?.save();
  }
  return formatted.get(key)!;
}

/**
 * What a style does with the reader's access date, learned from the first record of each shape: a
 * CSL style chooses what to print by a record's type and which fields it has, never by their words,
 * so every record of that shape gets the same. `forms` are its twelve monthly forms, when it has one.
 */
const accessByShape = new Map<string, { forms: string[] } | 'none'>();

function shapeOf(style: CitationStyleId, record: CitationRecord): string {
  return `${style} ${record.type} ${Object.keys(record).sort().join(',')}`;
}

type Style = (typeof CITATION_STYLES)[number];

/** One record's reference in one style, rendered on its own, with and without an access date. */
function formatAlone(
  record: CitationRecord,
  style: Style,
  cache: ReferenceCache | undefined,
): FormattedReference {
  const [html, january] = bibliographies([record, withAccess(record, 1)], style, cache);
  // A style that leaves the access date out renders the same with it.
  if (january === html) return { id: style.id, name: style.name, html: html! };
  const sample = (month: number) =>
    month === 1 ? january! : bibliographies([withAccess(record, month)], style, cache)[0]!;
  return { id: style.id, name: style.name, accessed: accessSlot(january!, sample) };
}

/**
 * The references of records without access dates, in one Citeproc run per style: each record with
 * a January access date where the style has one, and the slot found where the style's January form
 * stands. The first record of each shape is rendered on its own first, to learn what the style does;
 * so is a record whose rendering does not hold the January form exactly once.
 */
function formatAll(
  records: readonly CitationRecord[],
  cache: ReferenceCache | undefined,
): FormattedReference[][] {
  const byStyle = CITATION_STYLES.map((style) => {
    const results: (FormattedReference | undefined)[] = records.map((record) => {
      const shape = shapeOf(style.id, record);
      if (accessByShape.has(shape)) return undefined;
      const reference = formatAlone(record, style, cache);
      accessByShape.set(shape, reference.accessed ? { forms: reference.accessed.forms } : 'none');
      return reference;
    });
    const pending = records.flatMap((record, index) =>
      results[index]
        ? []
        : [{ index, record, access: accessByShape.get(shapeOf(style.id, record))! }],
    );
    const rendered = bibliographies(
      pending.map(({ record, access }) => (access === 'none' ? record : withAccess(record, 1))),
      style,
      cache,
    );
    pending.forEach(({ index, record, access }, i) => {
      const html = rendered[i]!;
      if (access === 'none') {
        results[index] = { id: style.id, name: style.name, html };
        return;
      }
      const accessed = knownSlot(html, access.forms);
      results[index] = accessed
        ? { id: style.id, name: style.name, accessed }
        : formatAlone(record, style, cache);
    });
    return results as FormattedReference[];
  });
  return records.map((_, index) => byStyle.map((references) => references[index]!));
}

/** The slot where the style's January form stands, if it stands there exactly once. */
function knownSlot(january: string, forms: readonly string[]): AccessSlot | undefined {
  const form = forms[0];
  if (!form) return undefined;
  const at = january.indexOf(form);
  if (at === -1 || january.indexOf(form, at + 1) !== -1) return undefined;
  return {
    before: january.slice(0, at),
    after: january.slice(at + form.length),
    forms: [...forms],
  };
}

/** The reference as plain text, with no access date (the page shows the HTML). */
export function referenceText(record: CitationRecord, id: CitationStyleId): string {
  const style = CITATION_STYLES.find((s) => s.id === id)!;
  return bibliography(withoutAccess(record), style.template, 'text');
}

/**
 * The twelve sample outputs differ only in the month of the access date: their common head and tail
 * frame it. The slot is then widened over the sample day and year beside the month (a few characters
 * of punctuation apart at most), so each form reads like "28 Jan. 1999" or "January 28, 1999".
 * `sample(month)` renders the reference with that month's access date.
 */
function accessSlot(january: string, sample: (month: number) => string): AccessSlot {
  const february = sample(2);
  let from = 0;
  while (january[from] === february[from]) from += 1;
  let tailLength = 0;
  while (january.at(-1 - tailLength) === february.at(-1 - tailLength)) tailLength += 1;
  let to = january.length - tailLength;
  const NEAR = 3;
  for (const token of [String(ACCESS_SAMPLE.day), String(ACCESS_SAMPLE.year)]) {
    const left = january.lastIndexOf(token, from - token.length);
    if (left !== -1 && from - (left + token.length) <= NEAR) from = left;
    const right = january.indexOf(token, to);
    if (right !== -1 && right - to <= NEAR) to = right + token.length;
  }
  const tail = january.length - to;
  const form = (text: string) => text.slice(from, text.length - tail);
  const forms = [january, february, ...Array.from({ length: 10 }, (_, i) => sample(i + 3))].map(
    form,
  );
  return { before: january.slice(0, from), after: january.slice(to), forms };
}
