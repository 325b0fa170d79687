import PDFDocument from 'pdfkit';
import type { PdfFonts } from './pdf-fonts';

/** The two faces every Pourline document writes with; both carry Chinese and Latin glyphs. */
export const PDF_FONT = { regular: 'pourline-regular', bold: 'pourline-bold' } as const;

export interface PdfDocumentInfo {
  title: string;
  /** Who the document is from, e.g. the plant. */
  author?: string;
  subject?: string;
  /** BCP 47, e.g. `zh-CN` or `en`: what a screen reader reads the text as. */
  language: string;
  /** When the document was made, from the API's clock. */
  createdAt: Date;
}

/** An A4 PDFKit document with both faces registered and the regular one selected. */
export function createPdfDocument(fonts: PdfFonts, info: PdfDocumentInfo): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    lang: info.language,
    displayTitle: true,
    info: {
      Title: info.title,
      ...(info.author ? { Author: info.author } : {}),
      ...(info.subject ? { Subject: info.subject } : {}),
      Creator: 'Pourline',
      CreationDate: info.createdAt,
    },
    bufferPages: true,
  });
  doc.registerFont(PDF_FONT.regular, fonts.regular.data, fonts.regular.face);
  doc.registerFont(PDF_FONT.bold, fonts.bold.data, fonts.bold.face);
  doc.font(PDF_FONT.regular);
  return doc;
}

/** Writes a document with `write` and answers its bytes once PDFKit has finished it. */
export async function renderPdf(
  fonts: PdfFonts,
  info: PdfDocumentInfo,
  write: (doc: PDFKit.PDFDocument) => void | Promise<void>,
): Promise<Buffer> {
  const doc = createPdfDocument(fonts, info);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  await write(doc);
  doc.end();
  return done;
}
