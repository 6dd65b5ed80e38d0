/**
 * `npm run pdf` (after `npm run build`): prints every chapter and the whole article to PDF with
 * Chromium, from the built site served by nginx, into `dist/pdf/`, then fills in the pages' download
 * links with each file's format and size. A4 unless `-- --format=letter` (or PDF_FORMAT=letter).
 * Build and print with the same BASE_PATH. `--dist=DIR` prints another build directory.
 */
import { readFile, writeFile, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { chromiumLaunchOptions } from '../src/lib/chromium.ts';
import { basePath } from '../src/lib/deploy-target.ts';
import {
  PDF_DIRECTORY,
  PDF_DOCUMENTS_FILE,
  PDF_FORMATS,
  pdfFormatFrom,
  formatFileSize,
  type PdfDocument,
} from '../src/lib/pdf-documents.ts';
import { fillPdfLinks, type MadePdf } from '../src/lib/pdf-links.ts';
import { serveWithNginx } from '../tests/support/nginx.ts';

const args = process.argv.slice(2);
const format = PDF_FORMATS[pdfFormatFrom(args, process.env)];
const distDir = args.find((arg) => arg.startsWith('--dist='))?.slice('--dist='.length) ?? 'dist';
const pdfDir = join(distDir, PDF_DIRECTORY);
const documentsPath = join(pdfDir, PDF_DOCUMENTS_FILE);

const documents = await readFile(documentsPath, 'utf8').then(
  (text) => JSON.parse(text) as PdfDocument[],
  () => {
    throw new Error(`${documentsPath} not found: run \`npm run build\` before \`npm run pdf\`.`);
  },
);

const site = await serveWithNginx(distDir, basePath(process.env));
const made = new Map<string, MadePdf>();
let browser: Browser | undefined;
try {
  browser = await chromium.launch(chromiumLaunchOptions());
  for (const pdfDocument of documents) {
    // A fresh page each time, so a request cut short by leaving the last page is not counted.
    const page = await browser.newPage();
    // A page missing its stylesheet would print with all the chrome: stop rather than make that PDF.
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.url()} (${response.status()})`);
    });
    page.on('requestfailed', (request) =>
      failed.push(`${request.url()} (${request.failure()?.errorText})`),
    );
    const url = site.url + pdfDocument.page;
    await page.goto(url, { waitUntil: 'load' });
    if (failed.length) {
      throw new Error(
        `Printing ${url} failed to load ${failed.join(', ')}. Was ${distDir}/ built with another BASE_PATH? Run \`npm run pdf\` with the same BASE_PATH as \`npm run build\`.`,
      );
    }
    await page.evaluate(() => document.fonts.ready);
    const path = join(pdfDir, pdfDocument.file);
    await page.pdf({ path, format: format.playwright, outline: true, tagged: true });
    const { size } = await stat(path);
    made.set(pdfDocument.file, { bytes: size, formatLabel: format.label });
    console.log(`${path}  ${format.label}, ${formatFileSize(size)}`);
    await page.close();
  }
} finally {
  await browser?.close();
  await site.stop();
}

let updated = 0;
for (const file of await htmlFiles(distDir)) {
  const html = await readFile(file, 'utf8');
  const filled = fillPdfLinks(html, made);
  if (filled !== html) {
    await writeFile(file, filled);
    updated++;
  }
}
console.log(`Download links updated on ${updated} page(s).`);

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !relative(dir, file).startsWith('..'));
}
