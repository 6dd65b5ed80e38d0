import { getChapters } from '../../lib/chapters.ts';
import { bibtex, cslJson, ris } from './format.ts';
import type { CitationRecord } from './record.ts';
import { articleRecord, chapterRecord, CITE_FORMATS, type CiteFormat } from '../records.ts';

/**
 * What the `cite/[id].<format>.ts` routes share: one path per record (the whole article and every
 * chapter), and the file of each format, written from the same records the pages format.
 */
export async function citeStaticPaths() {
  const site = new URL(import.meta.env.SITE);
  const records = [
    articleRecord(site),
    ...(await getChapters()).map((chapter) => chapterRecord(chapter, site)),
  ];
  return records.map((record) => ({ params: { id: record.id }, props: { record } }));
}

const WRITERS: Record<CiteFormat, (record: CitationRecord) => string> = {
  bib: bibtex,
  ris,
  json: cslJson,
};

export function citeResponse(record: CitationRecord, format: CiteFormat): Response {
  return new Response(WRITERS[format](record), {
    headers: { 'Content-Type': CITE_FORMATS[format].type },
  });
}
