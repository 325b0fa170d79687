import { Inject, Injectable } from '@nestjs/common';
import type { PdfFonts } from './pdf-fonts';
import { PDF_FONTS } from './pdf-fonts.provider';
import { createPdfDocument, type PdfDocumentInfo, renderPdf } from './pdf-render';

export { PDF_FONT, type PdfDocumentInfo } from './pdf-render';

/**
 * Makes PDF documents (A4, PDFKit) that can write Chinese and English, with
 * the fonts read and checked at start. `render` gives the open document to a
 * function that writes it and answers the finished bytes.
 */
@Injectable()
export class PdfDocuments {
  constructor(@Inject(PDF_FONTS) private readonly fonts: PdfFonts) {}

  create(info: PdfDocumentInfo): PDFKit.PDFDocument {
    return createPdfDocument(this.fonts, info);
  }

  render(info: PdfDocumentInfo, write: (doc: PDFKit.PDFDocument) => void | Promise<void>): Promise<Buffer> {
    return renderPdf(this.fonts, info, write);
  }
}
