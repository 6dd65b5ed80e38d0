/**
 * The ready-made PDFs: which page each one is printed from, and the file it lands in under `pdf/`.
 * The build publishes this list as `pdf/documents.json`; `npm run pdf` prints from it afterwards
 * and fills in the download links the pages leave empty for it (see PrintOptions.astro).
 */
export interface PdfDocument {
  /** File name inside `pdf/`. */
  file: string;
  /** Page to print, relative to the site's base path. */
  page: string;
  title: string;
}

export const PDF_DIRECTORY = 'pdf/';
export const PDF_DOCUMENTS_FILE = 'documents.json';
export const WHOLE_ARTICLE_PDF = 'azerbaijans-quiet-pivot.pdf';
export const PRINT_PAGE = 'print/';

export function chapterPdfFile(slug: string): string {
  return `${slug}.pdf`;
}

export const PDF_FORMATS = {
  a4: { label: 'A4', playwright: 'A4' },
  letter: { label: 'US Letter', playwright: 'Letter' },
} as const;
export type PdfFormat = keyof typeof PDF_FORMATS;

/** `--format=letter`, or PDF_FORMAT=letter; A4 otherwise. */
export function pdfFormatFrom(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): PdfFormat {
  const flag = argv.find((arg) => arg.startsWith('--format='))?.slice('--format='.length);
  const raw = (flag ?? env.PDF_FORMAT ?? 'a4').trim().toLowerCase().replace(/^us-?/, '');
  if (raw in PDF_FORMATS) return raw as PdfFormat;
  throw new Error(
    `Unknown PDF format "${flag ?? env.PDF_FORMAT}": use --format=a4 or --format=letter (or PDF_FORMAT).`,
  );
}

export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
