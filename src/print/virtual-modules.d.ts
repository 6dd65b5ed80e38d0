/** The paper format of the PDFs this build makes, or null when it makes none (see pdf-build.ts). */
declare module 'virtual:print/pdf-format' {
  const pdfFormat: import('./pdf-documents.ts').PdfFormat | null;
  export default pdfFormat;
}
