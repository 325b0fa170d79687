import type { Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { loadPdfFonts } from './pdf-fonts';

export const PDF_FONTS = Symbol('PDF_FONTS');

/** The fonts are read and checked once, at start: a missing or unfit font stops the API with a sentence. */
export const pdfFontsProvider: Provider = {
  provide: PDF_FONTS,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => loadPdfFonts({ regular: config.pdfFontPath, bold: config.pdfBoldFontPath }),
};
