import { Global, Module } from '@nestjs/common';
import { PdfDocuments } from './pdf-documents';
import { pdfFontsProvider } from './pdf-fonts.provider';

/** PDF documents for any module: delivery tickets, evidence packs, reports. */
@Global()
@Module({
  providers: [pdfFontsProvider, PdfDocuments],
  exports: [PdfDocuments],
})
export class PdfModule {}
