import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLinks, formatBrokenLinks } from '../../scripts/check-links.ts';
import { distFiles } from '../../scripts/lib/dist-files.ts';
import { buildProject, copyProject, runInProject } from '../../scripts/lib/project-copy.ts';
import { printDocuments } from '../../src/print/pdf-build.ts';
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
import { deployRecipes, npmScripts } from '../support/readme-recipes.ts';

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

/** The PDF download links of a built page: their targets and texts. */
function pdfLinks(html: string): { href: string; text: string }[] {
  const { document } = parseHTML(html);
  return [...document.querySelectorAll('a[type="application/pdf"]')].map((a) => ({
    href: a.getAttribute('href') ?? '',
    text: (a.textContent ?? '').trim(),
  }));
}

// Two builds of a copy of the project (the e2e suite's dist/ stays as `npm run build` left it): the
// README's S3 recipe, run as written (`SITE_URL=… npm run pdf`: A4 at the root, the command every
// deploy recipe builds with), and US Letter under a base path, as on GitHub Pages.
const s3Recipe = deployRecipes()
  .find((recipe) => recipe.name.startsWith('Amazon S3'))
  ?.commands.find((command) => npmScripts(command).some(({ script }) => script === 'pdf'));
let project: ReturnType<typeof copyProject> | undefined;
let a4 = '';
let letter = '';
beforeAll(() => {
  if (!s3Recipe) throw new Error("README.md: the S3 recipe's `npm run pdf` command was not found.");
  project = copyProject();
  a4 = join(project.dir, 'dist');
  letter = join(project.dir, 'dist-letter');
  const recipe = runInProject(project.dir, s3Recipe);
  if (recipe.status !== 0) throw new Error(`${s3Recipe} failed:\n${recipe.output.slice(-3000)}`);
  const env = { PDF: 'letter', BASE_PATH: '/explainer/' };
  const { status, output } = buildProject(project.dir, env, ['--outDir', letter]);
  if (status !== 0) throw new Error(`PDF=letter astro build failed:\n${output.slice(-3000)}`);
});
afterAll(() => project?.remove());

/** How many elements match `selector` on a built page. */
const countOn = (dir: string, page: string, selector: string) =>
  parseHTML(readFileSync(join(dir, page, 'index.html'), 'utf8')).document.querySelectorAll(selector)
    .length;

describe("npm run pdf (A4, the default), as the README's deploy recipes run it", () => {
  const pdf = (file: string) => join(a4, 'pdf', file);

  it('the chapters together hold every sentence of the source (the checks below cover it all)', () => {
    expect([...articleSentences()].sort()).toEqual([...sourceSentences()].sort());
  });

  it('makes one A4 PDF per chapter and one of the whole article, none holding a bitmap', () => {
    for (const file of [...chapterSlugs().map((slug) => `${slug}.pdf`), WHOLE]) {
      expect(existsSync(pdf(file)), file).toBe(true);
      const [width, height] = pdfPageSize(pdf(file));
      expect(Math.round(width), file).toBe(596);
      expect(Math.round(height), file).toBe(843);
      const images = countOn(a4, file === WHOLE ? 'print' : `chapters/${file.slice(0, -4)}`, 'img');
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

  it('prints each diagram whole: its caption unbroken, on the page that shows its drawing', () => {
    for (const [file, page] of [
      [`${CHAPTER}.pdf`, `chapters/${CHAPTER}`],
      [WHOLE, 'print'],
    ] as const) {
      const html = readFileSync(join(a4, page, 'index.html'), 'utf8');
      const diagrams = [...parseHTML(html).document.querySelectorAll('figure.diagram')].map(
        (figure) => ({
          caption: figure.querySelector('figcaption')?.textContent ?? '',
          // The longest line of the drawing's labels: the page that prints it prints the drawing.
          label: [...figure.querySelectorAll('svg text tspan')]
            .map((line) => line.textContent ?? '')
            .reduce((a, b) => (b.length > a.length ? b : a), ''),
        }),
      );
      expect(diagrams.length, file).toBeGreaterThan(1);
      const pages = Array.from({ length: pdfPageCount(pdf(file)) }, (_, i) =>
        comparable(pdfText(pdf(file), i + 1)),
      );
      for (const { caption, label } of diagrams) {
        const at = pages.findIndex((text) => text.includes(comparable(caption)));
        expect(at, `${file}: “${caption}” stands whole on one page`).toBeGreaterThanOrEqual(0);
        expect(pages[at], `${file}: “${caption}” is on the page of its drawing`).toContain(
          comparable(label),
        );
      }
    }
  });

  it('takes a sensible number of pages', () => {
    let most = 2; // the whole article adds a title page and its contents
    for (const slug of chapterSlugs()) {
      const words = wordCount(chapterSentences(slug));
      const figures = countOn(a4, `chapters/${slug}`, 'figure');
      const pages = pdfPageCount(pdf(`${slug}.pdf`));
      expect(pages, slug).toBeGreaterThanOrEqual(fewestPages(words));
      expect(pages, slug).toBeLessThanOrEqual(mostPages(words, figures));
      most += mostPages(words, figures);
    }
    const pages = pdfPageCount(pdf(WHOLE));
    expect(pages).toBeGreaterThanOrEqual(chapterSlugs().length + 2); // every chapter starts a page
    expect(pages).toBeLessThanOrEqual(most);
  });

  it('links each page to its PDF with the format, and every link of the build resolves', async () => {
    expect(pdfLinks(readFileSync(join(a4, `chapters/${CHAPTER}/index.html`), 'utf8'))).toEqual([
      { href: `/pdf/${CHAPTER}.pdf`, text: 'Download this chapter as PDF (A4)' },
    ]);
    for (const page of ['index.html', 'print/index.html']) {
      expect(pdfLinks(readFileSync(join(a4, page), 'utf8')), page).toEqual([
        { href: `/pdf/${WHOLE}`, text: 'Download the whole article as PDF (A4)' },
      ]);
    }
    const broken = await checkLinks(a4, '/');
    expect(formatBrokenLinks(broken)).toBe('');
  });

  it('ships no list of documents for a later step, and nothing but the PDFs in pdf/', () => {
    expect(distFiles(join(a4, 'pdf'))).toEqual(
      [...chapterSlugs().map((slug) => `${slug}.pdf`), WHOLE].sort(),
    );
  });
});

describe('PDF=letter under a base path', () => {
  const pdf = (file: string) => join(letter, 'pdf', file);

  it('prints US Letter pages, styled for print (the stylesheet was found under the base path)', () => {
    for (const file of [`${CHAPTER}.pdf`, WHOLE]) {
      const [width, height] = pdfPageSize(pdf(file));
      expect([Math.round(width), Math.round(height)], file).toEqual([612, 792]);
      const text = pdfBodyText(pdf(file));
      for (const label of CHROME) expect(text, `${file}: ${label}`).not.toContain(label);
    }
    expect(
      sentencesMissingInOrder(chapterSentences(CHAPTER), pdfBodyText(pdf(`${CHAPTER}.pdf`))),
    ).toEqual([]);
  });

  it('links to the US Letter PDFs under the base path', async () => {
    expect(pdfLinks(readFileSync(join(letter, 'index.html'), 'utf8'))).toEqual([
      { href: `/explainer/pdf/${WHOLE}`, text: 'Download the whole article as PDF (US Letter)' },
    ]);
    expect(formatBrokenLinks(await checkLinks(letter, '/explainer/'))).toBe('');
  });
});

describe('without PDF', () => {
  it('the build makes no PDFs and its pages offer none (dist/, as `npm run build` made it)', () => {
    expect(existsSync('dist/pdf')).toBe(false);
    for (const page of distFiles('dist', '.html'))
      expect(pdfLinks(readFileSync(join('dist', page), 'utf8')), page).toEqual([]);
  });

  it('an unknown format stops the build, naming the choices', () => {
    const { status, output } = buildProject(project!.dir, { PDF: 'a5' }, [
      '--outDir',
      join(project!.dir, 'dist-a5'),
    ]);
    expect(status).not.toBe(0);
    expect(output).toContain('Unknown PDF format "a5" in PDF: use PDF=a4 or PDF=letter');
  });
});

describe('the PDF step', () => {
  it('a page that cannot load its stylesheet stops the PDF step rather than print with the chrome', async () => {
    const site = mkdtempSync(join(tmpdir(), 'pdf-missing-'));
    try {
      mkdirSync(join(site, 'chapters/x'), { recursive: true });
      writeFileSync(
        join(site, 'chapters/x/index.html'),
        '<!doctype html><link rel="stylesheet" href="/explainer/_astro/gone.css"><h1>X</h1>',
      );
      await expect(
        printDocuments(site, '/explainer/', [{ file: 'x.pdf', page: 'chapters/x/' }], 'a4', {
          info: () => undefined,
        }),
      ).rejects.toThrow(
        'Printing /explainer/chapters/x/ failed to load /explainer/_astro/gone.css (404).',
      );
      expect(existsSync(join(site, 'pdf/x.pdf'))).toBe(false);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});
