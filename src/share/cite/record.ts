/**
 * The one bibliographic record of a page, in CSL-JSON: every formatted reference, download and
 * `citation_*` meta tag of that page is made from it. The article names no author or publisher, so
 * the record has neither (references put the title first); it is issued as of the month the analysis
 * describes, and carries no access date: that is the reader's, filled in on the page.
 */
export interface CslDate {
  'date-parts': [[number, number?, number?]];
}

export interface CitationRecord {
  id: string;
  type: 'webpage';
  title: string;
  /** The whole article, when the record is one of its chapters. */
  'container-title'?: string;
  issued: CslDate;
  URL: string;
  language: string;
  accessed?: CslDate;
}

export interface RecordInput {
  id: string;
  title: string;
  /** Set for a chapter: the title of the whole article. */
  partOf?: string;
  /** The page's absolute URL. */
  url: URL;
  /** `YYYY-MM` or `YYYY-MM-DD`, as in `site.asOf`. */
  asOf: string;
  lang: string;
}

export function citationRecord(input: RecordInput): CitationRecord {
  const record: CitationRecord = {
    id: input.id,
    type: 'webpage',
    title: input.title,
    issued: cslDate(input.asOf),
    URL: input.url.href,
    language: input.lang,
  };
  if (input.partOf) record['container-title'] = input.partOf;
  return record;
}

/** `2025-11` → `{ 'date-parts': [[2025, 11]] }`; anything else is a configuration error. */
export function cslDate(value: string): CslDate {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match)
    throw new Error(
      `The "as of" date must be written YYYY, YYYY-MM or YYYY-MM-DD, got "${value}".`,
    );
  const [year, month, day] = match.slice(1).map((part) => (part ? Number(part) : undefined));
  if (month !== undefined && (month < 1 || month > 12))
    throw new Error(`The "as of" date "${value}" has no month ${month}.`);
  const parts: [number, number?, number?] = [year!];
  if (month !== undefined) parts.push(month);
  if (day !== undefined) parts.push(day);
  return { 'date-parts': [parts] };
}

/**
 * The Highwire Press tags that Zotero's embedded-metadata reader and Google Scholar look for, as
 * far as the record has them: no `citation_author`, since the article names none.
 */
export function citationMetaTags(record: CitationRecord): { name: string; content: string }[] {
  const [year, month, day] = record.issued['date-parts'][0];
  const date = [year, month, day]
    .filter((part) => part !== undefined)
    .map((part, i) => (i === 0 ? String(part) : String(part).padStart(2, '0')))
    .join('/');
  return [
    { name: 'citation_title', content: record.title },
    { name: 'citation_publication_date', content: date },
    { name: 'citation_language', content: record.language },
    { name: 'citation_public_url', content: record.URL },
    { name: 'citation_fulltext_html_url', content: record.URL },
  ];
}
