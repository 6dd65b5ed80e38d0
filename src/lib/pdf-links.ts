import { parse } from 'parse5';
import { formatFileSize } from './pdf-documents.ts';
import { escapeHtml, attribute, walkElements } from './html.ts';

export interface MadePdf {
  bytes: number;
  /** "A4" or "US Letter". */
  formatLabel: string;
}

/**
 * Fills the empty `<span data-pdf-download="file.pdf">` placeholders a built page leaves with a
 * link to that PDF and its size, or empties them when the PDF was not made. Only the placeholders'
 * contents change; every other byte of the page stays as the build wrote it, so running it twice
 * gives the same page.
 */
export function fillPdfLinks(html: string, pdfs: ReadonlyMap<string, MadePdf>): string {
  const edits: { start: number; end: number; text: string }[] = [];
  walkElements(parse(html, { sourceCodeLocationInfo: true }), (element) => {
    const file = attribute(element, 'data-pdf-download');
    const location = element.sourceCodeLocation;
    if (file === undefined || !location?.startTag || !location.endTag) return;
    const pdf = pdfs.get(file);
    const href = attribute(element, 'data-pdf-href') ?? '';
    const label = attribute(element, 'data-pdf-label') ?? `Download ${file}`;
    edits.push({
      start: location.startTag.endOffset,
      end: location.endTag.startOffset,
      text: pdf
        ? `<a href="${escapeHtml(href)}" type="application/pdf">${escapeHtml(label)} (${escapeHtml(pdf.formatLabel)}, ${formatFileSize(pdf.bytes)})</a>`
        : '',
    });
  });
  let result = html;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}
