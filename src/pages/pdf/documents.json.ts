import type { APIRoute } from 'astro';
import { getChapters, chapterPath } from '../../lib/chapters.ts';
import {
  chapterPdfFile,
  PRINT_PAGE,
  WHOLE_ARTICLE_PDF,
  type PdfDocument,
} from '../../lib/pdf-documents.ts';
import { site } from '../../site.config.ts';

/** What `npm run pdf` prints: every chapter, then the whole article. */
export const GET: APIRoute = async () => {
  const chapters = await getChapters();
  const documents: PdfDocument[] = [
    ...chapters.map((chapter) => ({
      file: chapterPdfFile(chapter.id),
      page: chapterPath(chapter.id),
      title: chapter.data.title,
    })),
    { file: WHOLE_ARTICLE_PDF, page: PRINT_PAGE, title: site.title },
  ];
  return new Response(JSON.stringify(documents, null, 2), {
    headers: { 'Content-Type': 'application/json' },
  });
};
