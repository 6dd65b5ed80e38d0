import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import apa7 from './apa-7-web.csl?raw';
import chicagoAuthorDate from './chicago-author-date-web.csl?raw';
import mla9 from './mla-9-web.csl?raw';
import { parseFragment, serialize, type DefaultTreeAdapterTypes } from 'parse5';
import { attribute, walkElements } from '../../lib/html.ts';
import type { CitationRecord, CslDate } from './record.ts';

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

export interface FormattedReference {
  id: CitationStyleId;
  name: string;
  /** The reference as HTML (italics kept), with no access date. */
  html: string;
  /**
   * Where the style puts the reader's access date, when it uses one: the HTML before and after the
   * date, and the date as the style writes it for each month (index 0 = January) of a sample day,
   * `ACCESS_SAMPLE`, so the page can write any date the same way without formatting in the browser.
   */
  accessed?: { before: string; after: string; forms: string[] };
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

/**
 * Each record's reference in one style, as HTML, in one Citeproc run for them all (a run's cost is
 * mostly its own, not its records'). The styles neither sort nor disambiguate, so each entry is what
 * the record alone would give; ids are the records' places in the list, as two may share an id.
 */
function bibliographies(records: readonly CitationRecord[], template: string): string[] {
  const numbered = records.map((record, index) => ({ ...record, id: String(index) }));
  const entries = new Cite(numbered).format('bibliography', {
    format: 'html',
    template,
    lang: LOCALE,
    asEntryArray: true,
    nosort: true,
  });
  const byId = new Map(entries.map(([id, html]) => [id, entryContent(html)]));
  return numbered.map(({ id }) => byId.get(id)!);
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
 * per page; one run for a thousand records costs about half of a thousand runs.
 */
export function formatReferences(
  record: CitationRecord,
  together: readonly CitationRecord[] = [],
): FormattedReference[] {
  const key = JSON.stringify(withoutAccess(record));
  if (!formatted.has(key)) {
    const pending = new Map([[key, withoutAccess(record)]]);
    for (const other of together) {
      const plain = withoutAccess(other);
      const otherKey = JSON.stringify(plain);
      if (!formatted.has(otherKey)) pending.set(otherKey, plain);
    }
    const results = formatAll([...pending.values()]);
    [...pending.keys()].forEach((pendingKey, index) => formatted.set(pendingKey, results[index]!));
  }
  return formatted.get(key)!;
}

/**
 * The references of records without access dates. A style that uses one renders each record with
 * a January access date too, and the access slot is where the style's January form stands. A style's
 * twelve forms are the same for every record (they are the date as the style writes it): the first
 * record renders all twelve to learn them; a record whose January rendering does not hold the known
 * January form exactly once renders its own.
 */
function formatAll(records: readonly CitationRecord[]): FormattedReference[][] {
  const byStyle = CITATION_STYLES.map((style) => {
    const plain = bibliographies(records, style.template);
    const january = bibliographies(
      records.map((record) => withAccess(record, 1)),
      style.template,
    );
    return records.map((record, index): FormattedReference => {
      const reference: FormattedReference = { id: style.id, name: style.name, html: plain[index]! };
      // A style that leaves the access date out renders the same with it.
      if (january[index] === reference.html) return reference;
      const sample = (month: number) =>
        month === 1
          ? january[index]!
          : bibliographies([withAccess(record, month)], style.template)[0]!;
      reference.accessed =
        knownSlot(january[index]!, knownForms.get(style.id)) ??
        accessSlot(january[index]!, sample, knownForms.get(style.id));
      knownForms.set(style.id, reference.accessed.forms);
      return reference;
    });
  });
  return records.map((_, index) => byStyle.map((references) => references[index]!));
}

/** The slot where the known January form stands, if it stands there exactly once. */
function knownSlot(
  january: string,
  known: readonly string[] | undefined,
): FormattedReference['accessed'] {
  const form = known?.length === 12 ? known[0] : undefined;
  if (!form) return undefined;
  const at = january.indexOf(form);
  if (at === -1 || january.indexOf(form, at + 1) !== -1) return undefined;
  return {
    before: january.slice(0, at),
    after: january.slice(at + form.length),
    forms: [...known!],
  };
}

/** The reference as plain text, with no access date (the page shows the HTML). */
export function referenceText(record: CitationRecord, id: CitationStyleId): string {
  const style = CITATION_STYLES.find((s) => s.id === id)!;
  return bibliography(withoutAccess(record), style.template, 'text');
}

/** Each style's access-date forms (January to December), as the first record rendered them. */
const knownForms = new Map<CitationStyleId, string[]>();

/**
 * The twelve sample outputs differ only in the month of the access date: their common head and tail
 * frame it. The slot is then widened over the sample day and year beside the month (a few characters
 * of punctuation apart at most), so each form reads like "28 Jan. 1999" or "January 28, 1999".
 * `sample(month)` renders the reference with that month's access date; `known` are the forms another
 * record of the same style gave, used when this record's January and February forms match them.
 */
function accessSlot(
  january: string,
  sample: (month: number) => string,
  known: readonly string[] | undefined,
): { before: string; after: string; forms: string[] } {
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
  const forms =
    known?.length === 12 && known[0] === form(january) && known[1] === form(february)
      ? [...known]
      : [january, february, ...Array.from({ length: 10 }, (_, i) => sample(i + 3))].map(form);
  return { before: january.slice(0, from), after: january.slice(to), forms };
}

/** The record as a reference manager imports it; no access date (that is the reader's). */
export function bibtex(record: CitationRecord): string {
  return new Cite(record).format('bibtex', { format: 'text' });
}

export function ris(record: CitationRecord): string {
  return new Cite(record).format('ris', { format: 'text' });
}

export function cslJson(record: CitationRecord): string {
  return `${JSON.stringify([record], null, 2)}\n`;
}
