import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Cite, plugins } from '@citation-js/core';
import { parseFragment, serialize, type DefaultTreeAdapterTypes } from 'parse5';
import { attribute, walkElements } from '../../src/lib/html.ts';
import {
  citationMetaTags,
  citationRecord,
  cslDate,
  type CitationRecord,
} from '../../src/share/cite/record.ts';
import {
  ACCESS_SAMPLE,
  CITATION_STYLES,
  formatReferences,
  referenceText,
} from '../../src/share/cite/format.ts';
import { bibtex, cslJson, ris } from '../../src/share/cite/files.ts';
import { site } from '../../src/site.config.ts';

const chapter = citationRecord({
  id: 'azerbaijans-quiet-pivot-energy',
  title: 'Energy and Corridors',
  partOf: site.title,
  url: new URL('https://example.org/explainer/chapters/energy/'),
  asOf: '2025-11',
  lang: 'en-GB',
});
const whole = citationRecord({
  id: 'azerbaijans-quiet-pivot',
  title: site.title,
  url: new URL('https://example.org/explainer/'),
  asOf: '2025-11',
  lang: 'en-GB',
});

/** A record's bibliography entry in a style, as Citation.js gives it alone, without its div. */
function entryHtml(record: CitationRecord, template: string): string {
  const html = new Cite(record).format('bibliography', { format: 'html', template, lang: 'en-US' });
  let entry: DefaultTreeAdapterTypes.Element | undefined;
  walkElements(parseFragment(html), (element) => {
    if (attribute(element, 'class') === 'csl-entry') entry ??= element;
  });
  return serialize(entry!).trim();
}

describe('the citation record', () => {
  it('has title, the whole article as container, the as-of month as issued date and the URL', () => {
    expect(chapter).toEqual({
      id: 'azerbaijans-quiet-pivot-energy',
      type: 'webpage',
      title: 'Energy and Corridors',
      'container-title': site.title,
      issued: { 'date-parts': [[2025, 11]] },
      URL: 'https://example.org/explainer/chapters/energy/',
      language: 'en-GB',
    });
  });

  it('invents no author, publisher or access date', () => {
    for (const record of [chapter, whole]) {
      expect(Object.keys(record)).not.toContain('author');
      expect(Object.keys(record)).not.toContain('publisher');
      expect(Object.keys(record)).not.toContain('accessed');
    }
    expect(whole['container-title']).toBeUndefined();
  });

  it('reads the as-of date at year, month or day precision and refuses anything else', () => {
    expect(cslDate('2025')).toEqual({ 'date-parts': [[2025]] });
    expect(cslDate('2025-11-03')).toEqual({ 'date-parts': [[2025, 11, 3]] });
    expect(() => cslDate('November 2025')).toThrow(/YYYY-MM/);
    expect(() => cslDate('2025-13')).toThrow(/no month 13/);
  });

  it('gives reference managers the title, date and URL as citation_* tags, and no author', () => {
    const tags = Object.fromEntries(citationMetaTags(chapter).map((t) => [t.name, t.content]));
    expect(tags).toMatchObject({
      citation_title: 'Energy and Corridors',
      citation_publication_date: '2025/11',
      citation_public_url: 'https://example.org/explainer/chapters/energy/',
    });
    expect(tags).not.toHaveProperty('citation_author');
  });
});

describe('formatted references', () => {
  const [apa, chicago, mla] = formatReferences(chapter);

  it('puts the title first in every style', () => {
    expect(referenceText(chapter, 'apa')).toBe(
      `Energy and Corridors. (2025, November). ${site.title}. https://example.org/explainer/chapters/energy/`,
    );
    expect(referenceText(chapter, 'chicago')).toBe(
      `“Energy and Corridors.” 2025. ${site.title}. November 2025. https://example.org/explainer/chapters/energy/.`,
    );
    expect(referenceText(chapter, 'mla')).toBe(
      `“Energy and Corridors.” ${site.title}, Nov. 2025, https://example.org/explainer/chapters/energy/.`,
    );
    expect(mla!.accessed!.before).toContain(`<i>${site.title}</i>`);
  });

  it('italicises a stand-alone work’s own title in MLA', () => {
    const mlaWhole = formatReferences(whole)[2]!;
    expect(mlaWhole.accessed!.before).toBe(
      `<i>${site.title}</i>. Nov. 2025, https://example.org/explainer/. Accessed `,
    );
  });

  it('leaves a slot for the reader’s access date where the style has one, with each month’s form', () => {
    expect(apa!.accessed).toBeUndefined();
    expect(chicago!.accessed).toBeUndefined();
    expect(mla!.html).toBeUndefined();
    const slot = mla!.accessed!;
    expect(slot.before).toBe(
      `“Energy and Corridors.” <i>${site.title}</i>, Nov. 2025, https://example.org/explainer/chapters/energy/. Accessed `,
    );
    expect(slot.after).toBe('.');
    const { day, year } = ACCESS_SAMPLE;
    expect(slot.forms).toEqual(
      [
        'Jan.',
        'Feb.',
        'Mar.',
        'Apr.',
        'May',
        'June',
        'July',
        'Aug.',
        'Sept.',
        'Oct.',
        'Nov.',
        'Dec.',
      ].map((month) => `${day} ${month} ${year}`),
    );
  });

  // The official CSL styles are not published on npm in a maintained package, so the site carries
  // its own for the one kind of source it cites; where Debian's copy of the official styles is
  // installed (apt install citation-style-language-styles), the two must agree on our records.
  const official = '/usr/share/citation-style-language/styles';
  it.runIf(existsSync(official))(
    'agrees with the official APA, Chicago author-date and MLA styles on both records',
    () => {
      const csl = plugins.config.get('@csl');
      for (const name of ['apa', 'chicago-author-date', 'modern-language-association']) {
        if (!csl.styles.has(`official-${name}`))
          csl.styles.add(`official-${name}`, readFileSync(`${official}/${name}.csl`, 'utf8'));
      }
      for (const record of [chapter, whole]) {
        const entry = (template: string) => entryHtml(record, template);
        const [apa, chicago, mla] = CITATION_STYLES.map((style) => entry(style.template));
        expect(apa).toBe(entry('official-apa'));
        expect(chicago).toBe(entry('official-chicago-author-date'));
        expect(mla).toBe(entry('official-modern-language-association'));
      }
    },
  );
});

describe('references formatted together', () => {
  // One Citeproc run formats every chapter's references; each must be what its record alone gives,
  // even for two records with the same title or the same id.
  const twin = { ...chapter, URL: 'https://example.org/explainer/chapters/energy-2/' };
  const other = { ...chapter, id: 'other', title: 'The Chain of Incidents' };
  const records = [other, chapter, twin, whole];
  const [first] = records;
  const together = formatReferences(first!, records);

  it('gives each record the reference it has alone, access slot included', () => {
    for (const record of records) {
      const references = record === first ? together : formatReferences(record);
      for (const [index, style] of CITATION_STYLES.entries()) {
        const reference = references[index]!;
        const plain = entryHtml(record, style.template);
        const january = entryHtml(
          { ...record, accessed: { 'date-parts': [[ACCESS_SAMPLE.year, 1, ACCESS_SAMPLE.day]] } },
          style.template,
        );
        if (!reference.accessed) {
          expect(reference.html).toBe(plain);
          expect(january).toBe(plain);
        } else {
          expect(january).not.toBe(plain);
          const { before, forms, after } = reference.accessed;
          expect(before + forms[0] + after).toBe(january);
          expect(forms).toHaveLength(12);
        }
      }
    }
  });
});

describe('downloads', () => {
  it('BibTeX and RIS parse back to the same title and URL', async () => {
    for (const text of [bibtex(chapter), ris(chapter)]) {
      const [parsed] = (await Cite.async(text)).data as unknown as CitationRecord[];
      expect(parsed!.title).toBe('Energy and Corridors');
      expect(parsed!.URL).toBe(chapter.URL);
    }
  });

  it('CSL-JSON is the record itself', () => {
    expect(JSON.parse(cslJson(chapter))).toEqual([chapter]);
  });
});
