/**
 * The opt-in PDF step of the build: with `PDF=a4` or `PDF=letter`, once the site is built (after
 * the search index), every chapter and the whole-article page are printed with Chromium into
 * `pdf/` of the output. The pages are read straight from the output folder through the browser's
 * request routing, so no server is started and no base path is re-supplied; no built page is
 * rewritten: the pages link to the PDFs because the same setting reaches them at build time
 * through `virtual:print/pdf-format`.
 */
import { mkdir, stat } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { BrowserContext } from 'playwright-core';
import { launchChromium } from '../lib/chromium.ts';
import { basePath } from '../lib/deploy-target.ts';
import {
  PDF_DIRECTORY,
  PDF_FORMATS,
  formatFileSize,
  pdfDocuments,
  type PdfDocument,
  type PdfFormat,
} from './pdf-documents.ts';

const VIRTUAL_MODULE = 'virtual:print/pdf-format';
/** The origin the pages are loaded from; every request to it is answered from the output folder. */
const ORIGIN = 'http://pdf.localhost';

export interface PrintPdfsOptions {
  /** The paper format; undefined makes no PDFs and no links to them. */
  format: PdfFormat | undefined;
}

export function printPdfs({ format }: PrintPdfsOptions): AstroIntegration {
  let base = '/';
  return {
    name: 'print-pdfs',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'print-pdf-format',
                resolveId: (id: string) => (id === VIRTUAL_MODULE ? `\0${VIRTUAL_MODULE}` : null),
                load: (id: string) =>
                  id === `\0${VIRTUAL_MODULE}`
                    ? `export default ${JSON.stringify(format ?? null)};`
                    : null,
              },
            ],
          },
        });
      },
      'astro:config:done': ({ config }) => {
        base = basePath({ BASE_PATH: config.base });
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        if (!format) return;
        const documents = pdfDocuments(pages.map((page) => page.pathname));
        await printDocuments(fileURLToPath(dir), base, documents, format, logger);
      },
    },
  };
}

/** Prints each document from the built site in `siteDir` into `siteDir/pdf/`. */
export async function printDocuments(
  siteDir: string,
  base: string,
  documents: readonly PdfDocument[],
  format: PdfFormat,
  logger: Pick<AstroIntegrationLogger, 'info'>,
): Promise<void> {
  const pdfDir = join(siteDir, PDF_DIRECTORY);
  await mkdir(pdfDir, { recursive: true });
  const browser = await launchChromium().catch((error: unknown) => {
    throw new Error(
      `PDF=${format}: printing PDFs needs Chromium, which did not start (${String(error)}). Set CHROMIUM_PATH to a Chromium, run \`npx playwright install chromium\`, or build without PDF.`,
    );
  });
  try {
    const context = await browser.newContext();
    const failed: string[] = [];
    await serveFromFolder(context, siteDir, base, failed);
    for (const pdfDocument of documents) {
      // A fresh page each time, so a request cut short by leaving the last page is not counted.
      const page = await context.newPage();
      failed.length = 0;
      const url = `${ORIGIN}${base}${pdfDocument.page}`;
      await page.goto(url, { waitUntil: 'load' });
      // A page missing its stylesheet would print with all the chrome: stop rather than make that PDF.
      if (failed.length)
        throw new Error(`Printing ${base}${pdfDocument.page} failed to load ${failed.join(', ')}.`);
      await page.evaluate(() => document.fonts.ready);
      const path = join(pdfDir, pdfDocument.file);
      await page.pdf({
        path,
        format: PDF_FORMATS[format].playwright,
        outline: true,
        tagged: true,
      });
      await page.close();
      const { size } = await stat(path);
      logger.info(
        `${PDF_DIRECTORY}${pdfDocument.file}  ${PDF_FORMATS[format].label}, ${formatFileSize(size)}`,
      );
    }
  } finally {
    await browser.close();
  }
}

/**
 * Answers every request to ORIGIN under the base path from the files in `siteDir`, the way a plain
 * static host would (`/path/` is `/path/index.html`); anything else is refused and noted in `failed`.
 */
async function serveFromFolder(
  context: BrowserContext,
  siteDir: string,
  base: string,
  failed: string[],
): Promise<void> {
  const root = resolve(siteDir);
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    const path = decodeURIComponent(url.pathname);
    if (url.origin !== ORIGIN || !path.startsWith(base)) {
      failed.push(`${url.href} (outside the site)`);
      return route.abort('blockedbyclient');
    }
    const relative = path.slice(base.length);
    const file = resolve(
      root,
      relative.endsWith('/') || relative === '' ? `${relative}index.html` : relative,
    );
    if (file.startsWith(root + sep) && statSync(file, { throwIfNoEntry: false })?.isFile())
      return route.fulfill({ path: file });
    failed.push(`${path} (404)`);
    return route.fulfill({ status: 404, body: 'Not found' });
  });
}
