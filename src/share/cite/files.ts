import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { CitationRecord } from './record.ts';

/**
 * The record as a reference manager imports it, in each downloadable form (`CITE_FORMATS`); no
 * access date (that is the reader's).
 */
export function bibtex(record: CitationRecord): string {
  return new Cite(record).format('bibtex', { format: 'text' });
}

export function ris(record: CitationRecord): string {
  return new Cite(record).format('ris', { format: 'text' });
}

export function cslJson(record: CitationRecord): string {
  return `${JSON.stringify([record], null, 2)}\n`;
}
