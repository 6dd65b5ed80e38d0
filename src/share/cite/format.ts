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
  const output = new Cite(record).format('bibliography', { format, template, lang: LOCALE }).trim();
  if (format === 'text') return output;
  // Citation.js wraps the entry in a bibliography div and an entry div; keep what the entry holds.
  let entry: DefaultTreeAdapterTypes.Element | undefined;
  walkElements(parseFragment(output), (element) => {
    if (attribute(element, 'class')?.split(/\s+/).includes('csl-entry')) entry ??= element;
  });
  if (!entry) throw new Error(`Citation.js returned no bibliography entry: ${output}`);
  return serialize(entry).trim();
}

function withAccess(record: CitationRecord, month: number): CitationRecord {
  const accessed: CslDate = { 'date-parts': [[ACCESS_SAMPLE.year, month, ACCESS_SAMPLE.day]] };
  return { ...record, accessed };
}

/**
 * Every style's reference of the record. A style's twelve access-date forms are the same for every
 * record (they are the date as the style writes it), so each record renders its access date for
 * January and February only, to find the slot, and takes the other months from the first record
 * that rendered them all, when its January and February forms are the very same; otherwise it
 * renders all twelve. Citeproc is the build's most expensive step per page (APA 7 most of all).
 */
export function formatReferences(record: CitationRecord): FormattedReference[] {
  const plain: CitationRecord = { ...record };
  delete plain.accessed;
  return CITATION_STYLES.map((style) => {
    const reference: FormattedReference = {
      id: style.id,
      name: style.name,
      html: bibliography(plain, style.template, 'html'),
    };
    const sample = (month: number) =>
      bibliography(withAccess(plain, month), style.template, 'html');
    const january = sample(1);
    // A style that leaves the access date out renders the same with it.
    if (january === reference.html) return reference;
    reference.accessed = accessSlot(january, sample, knownForms.get(style.id));
    knownForms.set(style.id, reference.accessed.forms);
    return reference;
  });
}

/** The reference as plain text, with no access date (the page shows the HTML). */
export function referenceText(record: CitationRecord, id: CitationStyleId): string {
  const plain: CitationRecord = { ...record };
  delete plain.accessed;
  const style = CITATION_STYLES.find((s) => s.id === id)!;
  return bibliography(plain, style.template, 'text');
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
