import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import chicagoAuthorDate from './chicago-author-date-web.csl?raw';
import mla9 from './mla-9-web.csl?raw';
import { parseFragment, serialize, type DefaultTreeAdapterTypes } from 'parse5';
import { attribute, walkElements } from '../../lib/html.ts';
import type { CitationRecord, CslDate } from './record.ts';

/**
 * Formatted references and downloadable records, made by Citation.js (citeproc-js underneath) from
 * one CSL-JSON record at build time. APA 7 is the style Citation.js ships; Chicago author-date and
 * MLA 9 are this site's own CSL styles for the one kind of source it cites (see the .csl files).
 */
export const CITATION_STYLES = [
  { id: 'apa', name: 'APA 7', template: 'apa' },
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
  if ('xml' in style && !cslConfig.styles.has(style.template))
    cslConfig.styles.add(style.template, style.xml);
}

/** The US English conventions all three styles are written for. */
const LOCALE = 'en-US';

export interface FormattedReference {
  id: CitationStyleId;
  name: string;
  /** The reference as HTML (italics kept), with no access date. */
  html: string;
  text: string;
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

export function formatReferences(record: CitationRecord): FormattedReference[] {
  const plain: CitationRecord = { ...record };
  delete plain.accessed;
  return CITATION_STYLES.map((style) => {
    const reference: FormattedReference = {
      id: style.id,
      name: style.name,
      html: bibliography(plain, style.template, 'html'),
      text: bibliography(plain, style.template, 'text'),
    };
    const withDates = Array.from({ length: 12 }, (_, i) =>
      bibliography(withAccess(plain, i + 1), style.template, 'html'),
    );
    if (withDates[0] === reference.html) return reference;
    reference.accessed = accessSlot(withDates);
    return reference;
  });
}

/**
 * The twelve sample outputs differ only in the month of the access date: their common head and tail
 * frame it. The slot is then widened over the sample day and year beside the month (a few characters
 * of punctuation apart at most), so each form reads like "28 Jan. 1999" or "January 28, 1999".
 */
function accessSlot(samples: string[]): { before: string; after: string; forms: string[] } {
  const [january, february] = [samples[0]!, samples[1]!];
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
  return {
    before: january.slice(0, from),
    after: january.slice(to),
    forms: samples.map((sample) => sample.slice(from, sample.length - tail)),
  };
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
