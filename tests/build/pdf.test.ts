import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  articleSentences,
  chapterSentences,
  chapterSlugs,
  comparable,
  pdfBodyText,
  pdfImageCount,
  pdfPageCount,
  pdfPageSize,
  pdfText,
  sentencesMissingInOrder,
  sourceSentences,
  wordCount,
} from '../support/pdf-text.ts';

const DIST = 'dist';
const WHOLE = 'azerbaijans-quiet-pivot.pdf';
const CHAPTER = 'incident-chain';
/** What the site shows around the text on screen; none of it belongs on paper. */
const CHROME = [
  'Skip to content',
  'Dark theme',
  'Search',
  'Previous chapter',
  'Next chapter',
  'On this page',
  'Print this chapter',
  'Print the whole article',
  'Download',
  'Sitemap',
  'min read',
];

// Pages a chapter may take: at most ~900 words fill an A4 page, at least ~300 do; a figure takes
// at most a page of its own.
const fewestPages = (words: number) => Math.max(1, Math.ceil(words / 900));
const mostPages = (words: number, figures: number) => Math.ceil(words / 300) + 1 + figures;

let work: string;
const runPdf = (...args: string[]) => runPdfWith(process.env, ...args);
const runPdfWith = (env: NodeJS.ProcessEnv, ...args: string[]) =>
  execFileSync(process.execPath, ['scripts/pdf.ts', `--dist=${work}`, ...args], {
    encoding: 'utf8',
    stdio: 'pipe',
    env,
  });

beforeAll(() => {
  if (!existsSync(join(DIST, 'pdf/documents.json')))
    throw new Error('dist/ is missing or stale: run `npm run build` first.');
  // A copy, so the e2e suite's dist/ stays exactly as the build left it.
  work = mkdtempSync(join(tmpdir(), 'pdf-test-'));
  cpSync(DIST, work, { recursive: true });
  runPdf();
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('npm run pdf (A4, the default)', () => {
  const pdf = (file: string) => join(work, 'pdf', file);

  it('the chapters together hold every sentence of the source (the checks below cover it all)', () => {
    expect([...articleSentences()].sort()).toEqual([...sourceSentences()].sort());
  });

  it('makes one A4 PDF per chapter and one of the whole article, none holding a bitmap', () => {
    for (const file of [...chapterSlugs().map((slug) => `${slug}.pdf`), WHOLE]) {
      expect(existsSync(pdf(file)), file).toBe(true);
      const [width, height] = pdfPageSize(pdf(file));
      expect(Math.round(width), file).toBe(596);
      expect(Math.round(height), file).toBe(843);
      const images = (
        readFileSync(
          join(work, file === WHOLE ? 'print' : `chapters/${file.slice(0, -4)}`, 'index.html'),
          'utf8',
        ).match(/<img\b/g) ?? []
      ).length;
      expect(pdfImageCount(pdf(file)), `${file}: diagrams stay vectors`).toBeLessThanOrEqual(
        images,
      );
    }
  });

  it(`the ${CHAPTER} PDF has every sentence of the chapter in order, and none of the chrome`, () => {
    const text = pdfBodyText(pdf(`${CHAPTER}.pdf`));
    const sentences = chapterSentences(CHAPTER);
    expect(sentences.length).toBeGreaterThan(20);
    expect(sentencesMissingInOrder(sentences, text)).toEqual([]);
    for (const label of CHROME) expect(text, label).not.toContain(label);
  });

  it('the whole-article PDF has every sentence of the article in order, and none of the chrome', () => {
    const text = pdfBodyText(pdf(WHOLE));
    expect(sentencesMissingInOrder(articleSentences(), text)).toEqual([]);
    for (const label of CHROME) expect(text, label).not.toContain(label);
  });

  it('numbers every page, and leaves none blank', () => {
    for (const file of [`${CHAPTER}.pdf`, WHOLE]) {
      const pages = pdfPageCount(pdf(file));
      for (let page = 1; page <= pages; page++) {
        const text = pdfText(pdf(file), page);
        const pageNumber = new RegExp(`^${page}\\s*/\\s*${pages}$`, 'm');
        expect(text, `${file} page ${page}`).toMatch(pageNumber);
        const body = text
          .replace(pageNumber, '')
          .replace(/Azerbaijan’s Quiet Pivot.*/, '')
          .trim();
        expect(body.length, `${file} page ${page} has text`).toBeGreaterThan(40);
        // After the first page, a running title says what the pages are.
        if (page > 1 && file !== WHOLE)
          expect(comparable(text)).toContain(
            comparable('Azerbaijan’s Quiet Pivot · 4. The Chain of Incidents'),
          );
      }
    }
  });

  it('takes a sensible number of pages', () => {
    let most = 2; // the whole article adds a title page and its contents
    for (const slug of chapterSlugs()) {
      const words = wordCount(chapterSentences(slug));
      const figures = (
        readFileSync(join(work, `chapters/${slug}/index.html`), 'utf8').match(/<figure\b/g) ?? []
      ).length;
      const pages = pdfPageCount(pdf(`${slug}.pdf`));
      expect(pages, slug).toBeGreaterThanOrEqual(fewestPages(words));
      expect(pages, slug).toBeLessThanOrEqual(mostPages(words, figures));
      most += mostPages(words, figures);
    }
    const pages = pdfPageCount(pdf(WHOLE));
    expect(pages).toBeGreaterThanOrEqual(chapterSlugs().length + 2); // every chapter starts a page
    expect(pages).toBeLessThanOrEqual(most);
  });

  it('links each page to its PDF with the format and size', () => {
    const chapterPage = readFileSync(join(work, `chapters/${CHAPTER}/index.html`), 'utf8');
    const size = Math.round(statSync(pdf(`${CHAPTER}.pdf`)).size / 1024);
    expect(chapterPage).toMatch(
      new RegExp(
        `<a href="[^"]*/pdf/${CHAPTER}\\.pdf" type="application/pdf">Download this chapter as PDF \\(A4, ${size} KB\\)</a>`,
      ),
    );
    for (const page of ['index.html', 'print/index.html', `chapters/${CHAPTER}/index.html`]) {
      expect(readFileSync(join(work, page), 'utf8'), page).toMatch(
        />Download (the whole article|this chapter) as PDF \(A4, \d+ KB\)<\/a>/,
      );
    }
    expect(readFileSync(join(work, 'index.html'), 'utf8')).toContain(
      `/pdf/${WHOLE}" type="application/pdf">Download the whole article as PDF (A4, `,
    );
  });

  it('US Letter on request, replacing the links rather than adding to them', () => {
    runPdf('--format=letter');
    const [width, height] = pdfPageSize(pdf(`${CHAPTER}.pdf`));
    expect([Math.round(width), Math.round(height)]).toEqual([612, 792]);
    const home = readFileSync(join(work, 'index.html'), 'utf8');
    expect(home.match(/>Download the whole article as PDF \(/g)).toHaveLength(1);
    expect(home).toContain('Download the whole article as PDF (US Letter, ');
  });

  it('refuses to print a build made for another base path, rather than print pages without styles', () => {
    expect(() => runPdfWith({ ...process.env, BASE_PATH: '/not-the-built-one/' })).toThrow(
      /built with another BASE_PATH/,
    );
  });

  it('refuses an unknown format, naming the choices', () => {
    expect(() => runPdf('--format=a5')).toThrow(
      /Unknown PDF format "a5": use --format=a4 or --format=letter/,
    );
  });
});
