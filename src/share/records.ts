import GithubSlugger from 'github-slugger';
import { chapterPath } from '../article/chapters.ts';
import { withBase } from '../lib/urls.ts';
import { site } from '../site.config.ts';
import { citationRecord, type CitationRecord } from './cite/record.ts';

/** The whole article's id in file names and records: its short title as a slug. */
export const ARTICLE_ID = new GithubSlugger().slug(site.shortTitle);

export function articleRecord(siteUrl: URL, base?: string): CitationRecord {
  return citationRecord({
    id: ARTICLE_ID,
    title: site.title,
    url: new URL(withBase('', base), siteUrl),
    asOf: site.asOf,
    lang: site.lang,
  });
}

export function chapterRecord(
  chapter: { id: string; title: string },
  siteUrl: URL,
  base?: string,
): CitationRecord {
  return citationRecord({
    id: `${ARTICLE_ID}-${chapter.id}`,
    title: chapter.title,
    partOf: site.title,
    url: new URL(withBase(chapterPath(chapter.id), base), siteUrl),
    asOf: site.asOf,
    lang: site.lang,
  });
}

export const CITE_DIRECTORY = 'cite/';

/** The downloadable forms of a record, by extension: `cite/<record id>.<extension>`. */
export const CITE_FORMATS = {
  bib: { label: 'BibTeX', type: 'application/x-bibtex; charset=utf-8' },
  ris: { label: 'RIS', type: 'application/x-research-info-systems; charset=utf-8' },
  json: { label: 'CSL-JSON', type: 'application/vnd.citationstyles.csl+json; charset=utf-8' },
} as const;
export type CiteFormat = keyof typeof CITE_FORMATS;

export function citeFile(record: CitationRecord, format: CiteFormat): string {
  return `${CITE_DIRECTORY}${record.id}.${format}`;
}

/** Every record the site offers for download: the whole article's, then each chapter's. */
export function allRecords(
  chapters: readonly { id: string; title: string }[],
  siteUrl: URL,
  base?: string,
): CitationRecord[] {
  return [
    articleRecord(siteUrl, base),
    ...chapters.map((chapter) => chapterRecord(chapter, siteUrl, base)),
  ];
}
