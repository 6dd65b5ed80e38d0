/**
 * The ready-made PDFs: which page each one is printed from and the file it lands in under `pdf/`,
 * and the paper formats. The build makes them when `PDF=a4` or `PDF=letter` is set (see
 * `pdf-build.ts`), and the pages link to them from the same setting.
 */
export interface PdfDocument {
  /** File name inside `pdf/`. */
  file: string;
  /** Page to print, relative to the site's base path. */
  page: string;
}

export const PDF_DIRECTORY = 'pdf/';
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

/** `PDF=a4` or `PDF=letter` makes the build print PDFs; unset or empty, it makes none. */
export function pdfFormatFrom(env: Record<string, string | undefined>): PdfFormat | undefined {
  const raw = env.PDF?.trim().toLowerCase().replace(/^us-?/, '');
  if (!raw) return undefined;
  if (raw in PDF_FORMATS) return raw as PdfFormat;
  throw new Error(
    `Unknown PDF format "${env.PDF}" in PDF: use PDF=a4 or PDF=letter, or leave PDF unset to make no PDFs.`,
  );
}

/**
 * The PDFs a build makes, from the pages it built (paths relative to the base path): one per
 * chapter page (`chapters/<slug>/`, the route of `src/pages/chapters/[slug].astro`), in the order
 * given, then the whole article from the print page. Runs in the build's Node process, outside
 * Vite, so it reads the pages Astro built rather than the content collection.
 */
export function pdfDocuments(pages: readonly string[]): PdfDocument[] {
  const chapters = pages.flatMap((page) => {
    const [folder, slug, rest] = page.split('/');
    return folder === 'chapters' && slug && rest === ''
      ? [{ file: chapterPdfFile(slug), page }]
      : [];
  });
  const whole = pages.includes(PRINT_PAGE) ? [{ file: WHOLE_ARTICLE_PDF, page: PRINT_PAGE }] : [];
  return [...chapters, ...whole];
}

export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
