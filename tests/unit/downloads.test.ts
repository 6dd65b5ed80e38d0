import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readArticle } from '../../src/article/chapters.ts';
import {
  downloadAt,
  inDownloadFolder,
  readShareSources,
  writeDownloads,
} from '../../src/share/downloads.ts';
import { ARTICLE_ID } from '../../src/share/records.ts';
import { site } from '../../src/site.config.ts';

const root = process.cwd();
const address = { site: new URL('https://example.org'), base: '/explainer/' };
const sources = readShareSources(root, address);
const { chapters } = readArticle(root);
const energy = chapters.find((chapter) => chapter.id === 'energy')!;

describe('the downloads that are not pages', () => {
  it('are one record for the article and one per chapter, and one card per chapter plus three', () => {
    expect(sources.records.map((record) => record.id)).toEqual([
      ARTICLE_ID,
      ...chapters.map((chapter) => `${ARTICLE_ID}-${chapter.id}`),
    ]);
    expect(sources.cards.map((card) => card.file)).toEqual([
      'home.png',
      ...chapters.map((chapter) => `chapter-${chapter.id}.png`),
      'timeline.png',
      'actors.png',
    ]);
  });

  it('are answered by path, with their type, for the dev server', async () => {
    const bib = await downloadAt(`cite/${ARTICLE_ID}-energy.bib`, sources, { root });
    expect(bib?.type).toMatch(/^application\/x-bibtex/);
    expect(String(bib?.body)).toContain('https://example.org/explainer/chapters/energy/');
    const json = await downloadAt(`cite/${ARTICLE_ID}.json`, sources, { root });
    expect(JSON.parse(String(json?.body))).toMatchObject([{ title: site.title }]);
    const card = await downloadAt('cards/chapter-energy.png', sources, { root });
    expect(card?.type).toBe('image/png');
    expect(Buffer.from(card!.body).subarray(1, 4).toString()).toBe('PNG');
    for (const path of ['cite/nobody.bib', `cite/${ARTICLE_ID}.txt`, 'cards/nothing.png'])
      expect(await downloadAt(path, sources, { root }), path).toBeUndefined();
    expect(inDownloadFolder('cite/x.bib')).toBe(true);
    expect(inDownloadFolder('chapters/energy/')).toBe(false);
  });

  it('are all written into the built site', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'downloads-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const written = await writeDownloads(dir, sources, { root });
    expect(written).toEqual({
      citeFiles: 3 * sources.records.length,
      cardsDrawn: 0,
      cardsCached: sources.cards.length,
    });
    expect(readdirSync(join(dir, 'cite'))).toHaveLength(3 * sources.records.length);
    expect(readdirSync(join(dir, 'cards')).sort()).toEqual(
      sources.cards.map((card) => card.file).sort(),
    );
    const ris = readFileSync(join(dir, `cite/${ARTICLE_ID}-energy.ris`), 'utf8');
    expect(ris).toContain(`TI  - ${energy.title}`);
    // The written card is the very picture the dev server answers.
    const card = await downloadAt('cards/chapter-energy.png', sources, { root });
    expect(
      readFileSync(join(dir, 'cards/chapter-energy.png')).equals(card!.body as Uint8Array),
    ).toBe(true);
  });
});
