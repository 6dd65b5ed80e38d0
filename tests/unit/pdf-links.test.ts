import { describe, expect, it } from 'vitest';
import { fillPdfLinks } from '../../src/lib/pdf-links.ts';
import { formatFileSize, pdfFormatFrom } from '../../src/lib/pdf-documents.ts';

const page = `<!doctype html><html><body><p class="x" data-print="hide"><a href='/print/'>Print</a> <span data-pdf-download="energy.pdf" data-pdf-href="/explainer/pdf/energy.pdf" data-pdf-label="Download this chapter as PDF"></span></p><script type="application/ld+json">{"a":"<b>"}</script></body></html>`;

describe('fillPdfLinks', () => {
  it('fills the placeholder with a link, the format and the size, touching nothing else', () => {
    const filled = fillPdfLinks(
      page,
      new Map([['energy.pdf', { bytes: 48_300, formatLabel: 'A4' }]]),
    );
    const link =
      '<a href="/explainer/pdf/energy.pdf" type="application/pdf">Download this chapter as PDF (A4, 47 KB)</a>';
    expect(filled).toBe(page.replace('></span>', `>${link}</span>`));
  });

  it('replaces an earlier link when run again, and removes it when the PDF is gone', () => {
    const once = fillPdfLinks(
      page,
      new Map([['energy.pdf', { bytes: 3_000_000, formatLabel: 'A4' }]]),
    );
    const twice = fillPdfLinks(
      once,
      new Map([['energy.pdf', { bytes: 2_000, formatLabel: 'US Letter' }]]),
    );
    expect(twice.match(/<a href="\/explainer/g)).toHaveLength(1);
    expect(twice).toContain('(US Letter, 2 KB)');
    expect(fillPdfLinks(twice, new Map())).toBe(page);
  });
});

describe('PDF options', () => {
  it('reads the format from the flag or the environment, A4 by default', () => {
    expect(pdfFormatFrom([], {})).toBe('a4');
    expect(pdfFormatFrom(['--format=Letter'], {})).toBe('letter');
    expect(pdfFormatFrom([], { PDF_FORMAT: 'us-letter' })).toBe('letter');
    expect(() => pdfFormatFrom(['--format=A3'], {})).toThrow('Unknown PDF format "A3"');
  });

  it('writes sizes as a reader expects', () => {
    expect(formatFileSize(100)).toBe('1 KB');
    expect(formatFileSize(48_300)).toBe('47 KB');
    expect(formatFileSize(3_000_000)).toBe('2.9 MB');
  });
});
