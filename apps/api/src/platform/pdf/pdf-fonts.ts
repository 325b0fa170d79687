import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';

/** A face PDFKit can embed: the file's bytes, and for a collection (.ttc) the face's PostScript name. */
export interface PdfFontFace {
  source: string;
  data: Buffer;
  face: string | undefined;
}

export interface PdfFonts {
  regular: PdfFontFace;
  bold: PdfFontFace;
}

/** Text every face must be able to write: a ticket says these in Chinese. */
const REQUIRED_TEXT = '混凝土送货单签收坍落度 Delivery ticket 0123456789 m³';

/**
 * Noto Sans Hans (Simplified Chinese, OFL) as shipped by the `@embedpdf/fonts-sc`
 * package: installed with the API, so a fresh machine needs no system fonts.
 */
function bundledFontPath(file: string): string {
  return join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts', file);
}

export const BUNDLED_REGULAR_FONT = bundledFontPath('NotoSansHans-Regular.otf');
export const BUNDLED_BOLD_FONT = bundledFontPath('NotoSansHans-Bold.otf');

export class PdfFontError extends Error {}

/**
 * Reads one face, given as a path to a TrueType or OpenType file, or
 * `path#PostScriptName` for one face of a collection (e.g. Debian's
 * `NotoSansCJK-Regular.ttc#NotoSansCJKsc-Regular`), and checks it can write
 * Chinese and English before any document needs it.
 */
export function loadPdfFontFace(setting: string, variable: string): PdfFontFace {
  const hash = setting.lastIndexOf('#');
  const path = hash > 0 ? setting.slice(0, hash) : setting;
  const face = hash > 0 ? setting.slice(hash + 1) : undefined;
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch (error) {
    throw new PdfFontError(`${variable}: cannot read the font file "${path}" (${(error as Error).message})`);
  }
  let font: fontkit.Font;
  try {
    const opened = fontkit.create(data, face);
    if (!('hasGlyphForCodePoint' in opened))
      throw new Error(`it is a font collection; name one face as "${path}#<PostScriptName>"`);
    font = opened;
  } catch (error) {
    throw new PdfFontError(`${variable}: "${setting}" is not a usable font: ${(error as Error).message}`);
  }
  const missing = [...new Set(REQUIRED_TEXT)].filter((char) => !font.hasGlyphForCodePoint(char.codePointAt(0)!));
  if (missing.length > 0)
    throw new PdfFontError(
      `${variable}: the font "${setting}" cannot write ${missing.join('')}; documents need a font with Simplified Chinese`,
    );
  return { source: setting, data, face };
}

export function loadPdfFonts(settings: { regular: string | undefined; bold: string | undefined }): PdfFonts {
  return {
    regular: loadPdfFontFace(settings.regular ?? BUNDLED_REGULAR_FONT, 'PDF_FONT_PATH'),
    bold: loadPdfFontFace(settings.bold ?? settings.regular ?? BUNDLED_BOLD_FONT, 'PDF_BOLD_FONT_PATH'),
  };
}
