import type { EvidenceLoadDto, EvidencePackDto } from '@pourline/contracts';
import { PDF_FONT } from '../../platform/pdf/pdf-documents';
import { EVIDENCE_LABELS, type EvidenceLabels, type EvidenceLanguage } from './evidence-labels';
import { outcomeWords, reasonFigures, readingWords } from './evidence-reason-words';
import { projectTrace } from './trace-plot';

const MUTED = '#555555';
const RULE = '#bbbbbb';
const FAIL = '#b00020';
const TRACE = '#1565c0';
const TRACE_HEIGHT = 150;

/** Writes a pour's evidence pack: a header, one section per load, then the pour's log. */
export function writeEvidencePack(doc: PDFKit.PDFDocument, pack: EvidencePackDto, language: EvidenceLanguage): void {
  const labels = EVIDENCE_LABELS[language];
  const time = timeFormatter(pack.plantTimeZone);
  doc.font(PDF_FONT.bold).fontSize(18).text(`${labels.title} — ${pack.structuralElement}`);
  doc.moveDown(0.3).font(PDF_FONT.regular).fontSize(10).fillColor(MUTED);
  for (const [label, value] of [
    [labels.project, pack.projectName],
    [labels.customer, pack.customerName],
    [labels.plant, `${pack.plantName} (${pack.plantTimeZone})`],
    [labels.scheduledStart, time(pack.scheduledStart)],
    [labels.volume, `${pack.volumeM3} m³ · ${labels.mix} ${pack.mixCode}`],
    [labels.generatedAt, time(pack.generatedAt)],
  ] as const) {
    doc.text(`${label}: ${value}`);
  }
  doc.fillColor('black');
  for (const load of pack.loads) writeLoad(doc, load, language, time);
  writeMessages(doc, pack, labels, time);
  numberPages(doc, labels);
}

function writeLoad(
  doc: PDFKit.PDFDocument,
  load: EvidenceLoadDto,
  language: EvidenceLanguage,
  time: (iso: string | null) => string,
): void {
  const labels = EVIDENCE_LABELS[language];
  // A load starts on a fresh page when its heading and trace would not fit.
  if (doc.y > doc.page.height - doc.page.margins.bottom - 320) doc.addPage();
  doc.moveDown(1);
  rule(doc);
  doc
    .font(PDF_FONT.bold)
    .fontSize(13)
    .fillColor(load.rejected ? FAIL : 'black');
  doc.text(
    `${labels.load} ${load.ticketNumber} · ${labels.truck} ${load.truckFleetNumber ?? '—'} · ${load.volumeM3} m³ ${load.mixCode}${load.rejected ? ` · ${labels.rejected}` : ''}`,
  );
  doc.fillColor('black').font(PDF_FONT.regular).fontSize(10).moveDown(0.3);
  for (const [label, value] of [
    [labels.batched, load.batchedAt],
    [labels.leftPlant, load.leftPlantAt],
    [labels.arrived, load.arrivedAt],
    [labels.dischargeStarted, load.dischargeStartedAt],
    [labels.dischargeEnded, load.dischargeEndedAt],
    [labels.backAtPlant, load.backAtPlantAt],
  ] as const) {
    doc.text(`${label}: ${time(value)}`);
  }
  const water = load.water.length
    ? load.water
        .map(
          (item) =>
            `${item.litres} L ${time(item.at)} (${labels.addedBy} ${item.addedBy}, ${labels.byRequestOf} ${item.requestedBy})`,
        )
        .join('; ')
    : labels.noWater;
  doc.text(`${labels.waterAdded}: ${water}`);

  doc.moveDown(0.4).font(PDF_FONT.bold).text(labels.tests).font(PDF_FONT.regular);
  if (load.tests.length === 0) doc.fillColor(MUTED).text(labels.noTests).fillColor('black');
  for (const test of load.tests) {
    doc.fillColor(test.pass ? 'black' : FAIL);
    doc.text(
      `${time(test.testedAt)} ${test.stage === 'plant' ? labels.plantTest : labels.siteTest}: ${readingWords(test, language)} — ${test.pass ? labels.pass : labels.fail} (${outcomeWords(test.outcome, language)}), ${labels.ruleSet} ${test.ruleSetVersion}, ${test.inspectorName}`,
    );
    // The failed check by its name, then its figures, in the reader's language.
    for (const reason of test.reasons) {
      doc.text(`   ${labels[`reason_${reason.code}`]}: ${reasonFigures(reason, language)}`);
    }
  }
  doc.fillColor('black');

  doc.moveDown(0.4).font(PDF_FONT.bold).text(labels.specimens).font(PDF_FONT.regular);
  if (load.specimens.length === 0) doc.fillColor(MUTED).text(labels.noSpecimens).fillColor('black');
  for (const set of load.specimens) {
    const results = (values: number[] | null) =>
      values ? values.map((value) => `${value}`).join(' / ') + ' MPa' : labels.pending;
    doc.text(
      `${set.label} · ${time(set.madeAt)} · ${set.madeByName} · ${labels.days7}: ${results(set.results7dMpa)} · ${labels.days28}: ${results(set.results28dMpa)}`,
    );
  }
  writeSignatures(doc, load, labels, time);
  writeTrace(doc, load, labels);
}

const SIGNATURE_BOX: [number, number] = [150, 50];

function writeSignatures(
  doc: PDFKit.PDFDocument,
  load: EvidenceLoadDto,
  labels: EvidenceLabels,
  time: (iso: string | null) => string,
): void {
  doc.moveDown(0.4).font(PDF_FONT.bold).text(labels.signatures).font(PDF_FONT.regular);
  if (load.signatures.length === 0) doc.fillColor(MUTED).text(labels.noSignatures).fillColor('black');
  for (const item of load.signatures) {
    const who = item.signature
      ? ` — ${item.signature.signerName}, ${time(item.signature.signedAt)} (${labels.recordedBy} ${item.signature.recordedByName})`
      : '';
    const moment = item.moment ? ` ${labels[item.moment]}` : '';
    doc.fillColor(item.outcome === 'refused' ? FAIL : 'black');
    doc.text(`${labels.ticketVersion} ${item.ticketVersion}: ${labels[item.outcome]}${moment}${who}`);
    if (item.refusalReason) doc.text(`   ${item.refusalReason}`);
    doc.fillColor('black');
    const image = item.signature?.imageDataUrl?.replace(/^data:image\/png;base64,/, '');
    if (image) {
      if (doc.y + SIGNATURE_BOX[1] > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const top = doc.y + 2;
      doc.image(Buffer.from(image, 'base64'), doc.page.margins.left, top, { fit: SIGNATURE_BOX });
      doc.y = top + SIGNATURE_BOX[1] + 4;
      doc.x = doc.page.margins.left;
    }
  }
}

function writeTrace(doc: PDFKit.PDFDocument, load: EvidenceLoadDto, labels: EvidenceLabels): void {
  doc.moveDown(0.4).font(PDF_FONT.bold).text(`${labels.trace} (${load.trace.length} ${labels.fixes})`);
  doc.font(PDF_FONT.regular);
  if (load.trace.length === 0) {
    doc.fillColor(MUTED).text(labels.noTrace).fillColor('black');
    return;
  }
  if (doc.y + TRACE_HEIGHT > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const box = {
    x: doc.page.margins.left,
    y: doc.y + 4,
    width: doc.page.width - 2 * doc.page.margins.left,
    height: TRACE_HEIGHT,
  };
  doc.save().lineWidth(0.5).strokeColor(RULE).rect(box.x, box.y, box.width, box.height).stroke().restore();
  const inner = { x: box.x + 8, y: box.y + 8, width: box.width - 16, height: box.height - 16 };
  const points = projectTrace(load.trace, inner);
  doc.save().lineWidth(1.5).strokeColor(TRACE);
  points.forEach(([x, y], index) => (index === 0 ? doc.moveTo(x, y) : doc.lineTo(x, y)));
  if (points.length > 1) doc.stroke();
  const [startX, startY] = points[0];
  const [endX, endY] = points[points.length - 1];
  doc.fillColor('#2e7d32').circle(startX, startY, 3).fill();
  doc.fillColor(FAIL).circle(endX, endY, 3).fill();
  doc.restore();
  doc.y = box.y + box.height + 6;
  doc.x = doc.page.margins.left;
}

function writeMessages(
  doc: PDFKit.PDFDocument,
  pack: EvidencePackDto,
  labels: EvidenceLabels,
  time: (iso: string | null) => string,
): void {
  doc.moveDown(1);
  rule(doc);
  doc.font(PDF_FONT.bold).fontSize(13).text(labels.messages).font(PDF_FONT.regular).fontSize(10);
  if (pack.messages.length === 0) doc.fillColor(MUTED).text(labels.noMessages).fillColor('black');
  for (const message of pack.messages) {
    doc.text(
      `${time(message.at)} ${message.byName}: ${message.code === 'text' ? message.text : message.code.replaceAll('_', ' ')}`,
    );
  }
}

function rule(doc: PDFKit.PDFDocument): void {
  const y = doc.y;
  doc
    .save()
    .lineWidth(0.5)
    .strokeColor(RULE)
    .moveTo(doc.page.margins.left, y)
    .lineTo(doc.page.width - doc.page.margins.right, y)
    .stroke()
    .restore();
  doc.moveDown(0.4);
}

function numberPages(doc: PDFKit.PDFDocument, labels: EvidenceLabels): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    // Writing inside the bottom margin must not start a new page.
    doc.page.margins.bottom = 0;
    doc
      .fontSize(8)
      .fillColor(MUTED)
      .text(
        `${labels.page} ${index + 1 - range.start} ${labels.of} ${range.count}`,
        doc.page.margins.left,
        doc.page.height - 30,
        { width: doc.page.width - doc.page.margins.left - doc.page.margins.right, align: 'right' },
      );
    doc.page.margins.bottom = bottom;
  }
}

function timeFormatter(timeZone: string): (iso: string | null) => string {
  const format = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return (iso) => (iso ? format.format(new Date(iso)) : '—');
}
