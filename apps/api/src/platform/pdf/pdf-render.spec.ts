import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDF_FONT, renderPdf } from './pdf-render';
import { BUNDLED_REGULAR_FONT, loadPdfFontFace, loadPdfFonts, PdfFontError } from './pdf-fonts';

const fonts = loadPdfFonts({ regular: undefined, bold: undefined });

function written(pdf: Buffer): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-spec-'));
  const file = join(dir, 'doc.pdf');
  writeFileSync(file, pdf);
  return { dir, file };
}

describe(renderPdf.name, () => {
  it('writes Chinese and English that a PDF reader extracts again, and the page renders', async () => {
    const pdf = await renderPdf(
      fonts,
      { title: '送货单 Delivery ticket', language: 'zh-CN', createdAt: new Date('2026-11-30T08:00:00Z') },
      (doc) => {
        doc.font(PDF_FONT.bold).fontSize(18).text('混凝土送货单 Delivery ticket');
        doc.font(PDF_FONT.regular).fontSize(11).text('坍落度 180 mm · 8.0 m³ · C30');
      },
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { dir, file } = written(pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('混凝土送货单 Delivery ticket');
    expect(text).toContain('坍落度 180 mm');
    execFileSync('pdftoppm', ['-png', '-r', '50', file, join(dir, 'page')]);
    expect(execFileSync('ls', [dir], { encoding: 'utf8' })).toMatch(/page-1\.png/);
  });

  it('embeds only the glyphs used, so a ticket stays small', async () => {
    const pdf = await renderPdf(
      fonts,
      { title: 't', language: 'en', createdAt: new Date('2026-11-30T08:00:00Z') },
      (doc) => {
        doc.text('签收 Signed');
      },
    );
    expect(pdf.length).toBeLessThan(100_000);
  });
});

describe(loadPdfFontFace.name, () => {
  it('names the setting and the file when the font cannot be read', () => {
    expect(() => loadPdfFontFace('/nowhere/font.otf', 'PDF_FONT_PATH')).toThrow(
      new PdfFontError(
        'PDF_FONT_PATH: cannot read the font file "/nowhere/font.otf" (ENOENT: no such file or directory, open \'/nowhere/font.otf\')',
      ),
    );
  });

  it('refuses a file that is not a font', () => {
    const notAFont = join(mkdtempSync(join(tmpdir(), 'pdf-spec-')), 'font.otf');
    writeFileSync(notAFont, 'not a font');
    expect(() => loadPdfFontFace(notAFont, 'PDF_FONT_PATH')).toThrow(
      /^PDF_FONT_PATH: ".*font\.otf" is not a usable font/,
    );
  });

  // Debian's fonts-noto-cjk, which the CI installs for the browser's Chinese glyphs.
  const collection = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

  it('asks for the face of a font collection', () => {
    expect(() => loadPdfFontFace(collection, 'PDF_FONT_PATH')).toThrow(
      /name one face as ".*NotoSansCJK-Regular\.ttc#<PostScriptName>"/,
    );
  });

  it('takes one face of a collection by its PostScript name and writes with it', async () => {
    const face = loadPdfFontFace(`${collection}#NotoSansCJKsc-Regular`, 'PDF_FONT_PATH');
    const pdf = await renderPdf(
      { regular: face, bold: face },
      { title: 't', language: 'zh-CN', createdAt: new Date(0) },
      (doc) => {
        doc.text('监理见证');
      },
    );
    const { file } = written(pdf);
    expect(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })).toContain('监理见证');
  });

  it('reads the bundled Simplified Chinese face', () => {
    expect(loadPdfFontFace(BUNDLED_REGULAR_FONT, 'PDF_FONT_PATH').data.length).toBeGreaterThan(1_000_000);
  });
});
