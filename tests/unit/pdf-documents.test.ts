import { describe, expect, it } from 'vitest';
import {
  formatFileSize,
  pdfDocuments,
  pdfFormatFrom,
  WHOLE_ARTICLE_PDF,
} from '../../src/print/pdf-documents.ts';

describe('PDF options', () => {
  it('makes PDFs only when PDF names a format', () => {
    expect(pdfFormatFrom({})).toBeUndefined();
    expect(pdfFormatFrom({ PDF: '' })).toBeUndefined();
    expect(pdfFormatFrom({ PDF: 'a4' })).toBe('a4');
    expect(pdfFormatFrom({ PDF: 'Letter' })).toBe('letter');
    expect(pdfFormatFrom({ PDF: 'us-letter' })).toBe('letter');
  });

  it('refuses an unknown format, naming the choices', () => {
    expect(() => pdfFormatFrom({ PDF: 'A3' })).toThrow(
      'Unknown PDF format "A3" in PDF: use PDF=a4 or PDF=letter, or leave PDF unset to make no PDFs.',
    );
  });

  it('writes sizes as a reader expects', () => {
    expect(formatFileSize(100)).toBe('1 KB');
    expect(formatFileSize(48_300)).toBe('47 KB');
    expect(formatFileSize(3_000_000)).toBe('2.9 MB');
  });
});

describe('the PDFs a build makes', () => {
  it('are one per chapter page and the whole article from the print page, nothing else', () => {
    const built = ['', 'chapters/energy/', 'about/', 'chapters/history/', 'print/', 'search/'];
    expect(pdfDocuments(built)).toEqual([
      { file: 'energy.pdf', page: 'chapters/energy/' },
      { file: 'history.pdf', page: 'chapters/history/' },
      { file: WHOLE_ARTICLE_PDF, page: 'print/' },
    ]);
  });

  it('are none when no such page was built', () => {
    expect(pdfDocuments(['', 'chapters/', 'chapters/energy/notes/', 'about/'])).toEqual([]);
  });
});
