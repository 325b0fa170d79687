import type { DeliveryTicketContent, DeliveryTicketDto, TicketVersionDto } from '@pourline/contracts';
import { formatInZone } from '@pourline/domain';
import { PDF_FONT } from '../../platform/pdf/pdf-render';

/** Every label in both languages: the ticket goes to a Chinese site and may be read by anyone. */
const LABEL = {
  title: '混凝土送货单 Delivery ticket',
  ticketNumber: '送货单号 Ticket no.',
  version: '版本 Version',
  customer: '客户 Customer',
  project: '工程 Project',
  element: '浇筑部位 Element',
  truck: '车号 Truck',
  mix: '配合比 Mix',
  strength: '强度等级 Strength class',
  volume: '方量 Volume',
  batchedAt: '搅拌时间 Batched',
  departedAt: '出厂时间 Departed',
  arrivedAt: '到场时间 Arrived',
  dischargeStartedAt: '开始卸料 Discharge started',
  dischargeEndedAt: '卸料完毕 Discharge ended',
  deadline: '最迟卸完 Discharge deadline',
  water: '现场加水 Water added on site',
  tests: '试验 Tests',
  remarks: '备注 Remarks',
  signature: '现场签收 Site signature',
  refused: '拒收 Refused',
  reason: '原因 Reason',
  recordedBy: '登录账户 Recorded by',
  corrects: '更正版本 Corrects version',
  unsigned: '未签收 Not signed yet',
  rejected: '已退回 Rejected on site',
  none: '无 None',
} as const;

const STAGE = { plant: '出厂 Plant', site: '现场 Site' } as const;

function when(iso: string | null, timeZone: string): string {
  return iso ? formatInZone(new Date(iso), timeZone, 'sv-SE', { dateStyle: 'short', timeStyle: 'short' }) : '—';
}

/** A label and its value side by side; the pair moves to the next page together. */
function row(doc: PDFKit.PDFDocument, label: string, value: string): void {
  doc.font(PDF_FONT.regular).fontSize(10);
  const height = Math.max(doc.heightOfString(label, { width: 170 }), doc.heightOfString(value, { width: 322 }));
  keepTogether(doc, height);
  const y = doc.y;
  doc.fillColor('#555555').fontSize(9).text(label, 48, y, { width: 170 });
  doc.fillColor('#000000').fontSize(10).text(value, 225, y, { width: 322 });
  doc.y = y + height + 4;
}

/** Starts a new page unless `height` more points fit on this one. */
function keepTogether(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function heading(doc: PDFKit.PDFDocument, text: string): void {
  doc.moveDown(0.6);
  doc.font(PDF_FONT.bold).fontSize(12).fillColor('#000000').text(text, 48);
  doc
    .moveTo(48, doc.y + 2)
    .lineTo(547, doc.y + 2)
    .strokeColor('#999999')
    .stroke();
  doc.moveDown(0.4);
}

function writeContent(doc: PDFKit.PDFDocument, ticket: DeliveryTicketContent, version: number): void {
  const tz = ticket.plant.timeZone;
  doc.font(PDF_FONT.bold).fontSize(16).text(`${ticket.plant.name} (${ticket.plant.code})`, 48);
  doc.font(PDF_FONT.regular).fontSize(9).fillColor('#555555').text(ticket.plant.address);
  doc.moveDown(0.5);
  doc.font(PDF_FONT.bold).fontSize(18).fillColor('#000000').text(LABEL.title);
  doc.moveDown(0.5);
  row(doc, LABEL.ticketNumber, ticket.ticketNumber);
  row(doc, LABEL.version, String(version));
  row(doc, LABEL.customer, ticket.customerName);
  row(doc, LABEL.project, `${ticket.projectName} — ${ticket.projectAddress}`);
  row(doc, LABEL.element, ticket.structuralElement);
  row(doc, LABEL.truck, ticket.truckFleetNumber ?? '—');
  row(doc, LABEL.mix, `${ticket.mixCode} ${ticket.mixName}`.trim());
  row(doc, LABEL.strength, ticket.strengthClass);
  row(doc, LABEL.volume, `${ticket.volumeM3} m³`);
  row(doc, LABEL.batchedAt, when(ticket.batchedAt, tz));
  row(doc, LABEL.departedAt, when(ticket.departedAt, tz));
  row(doc, LABEL.arrivedAt, when(ticket.arrivedAt, tz));
  row(doc, LABEL.dischargeStartedAt, when(ticket.dischargeStartedAt, tz));
  row(doc, LABEL.dischargeEndedAt, when(ticket.dischargeEndedAt, tz));
  row(doc, LABEL.deadline, when(ticket.dischargeDeadline, tz));
  if (ticket.rejected) row(doc, LABEL.rejected, '✗');

  heading(doc, LABEL.water);
  if (ticket.water.length === 0) row(doc, '', LABEL.none);
  for (const water of ticket.water)
    row(
      doc,
      when(water.at, tz),
      `${water.litres} L — ${water.addedBy}（应 ${water.requestedBy} 要求 requested by ${water.requestedBy}）`,
    );

  heading(doc, LABEL.tests);
  if (ticket.tests.length === 0) row(doc, '', LABEL.none);
  for (const test of ticket.tests) {
    const figures = [
      `${test.slumpKind === 'slump_flow' ? 'flow' : 'slump'} ${test.slumpMm} mm (design ${test.designSlumpMm})`,
      test.temperatureC !== null ? `${test.temperatureC} °C` : null,
      test.airPercent !== null ? `air ${test.airPercent} %` : null,
      test.pass ? '合格 pass' : '不合格 fail',
    ].filter(Boolean);
    row(doc, `${STAGE[test.stage]} ${when(test.testedAt, tz)}`, `${figures.join(' · ')} — ${test.inspectorName}`);
  }

  heading(doc, LABEL.remarks);
  doc
    .font(PDF_FONT.regular)
    .fontSize(11)
    .text(ticket.remarks || '—', 48);
}

function writeSignature(doc: PDFKit.PDFDocument, version: TicketVersionDto | undefined, timeZone: string): void {
  // The signature block (heading, drawing, signer, account, reason) is never split from its heading.
  keepTogether(doc, 200);
  heading(doc, version?.outcome === 'refused' ? LABEL.refused : LABEL.signature);
  if (!version?.signature) {
    doc.font(PDF_FONT.regular).fontSize(11).text(LABEL.unsigned, 48);
    return;
  }
  const { signature } = version;
  if (signature.imageDataUrl) {
    const image = Buffer.from(signature.imageDataUrl.slice(signature.imageDataUrl.indexOf(',') + 1), 'base64');
    doc.image(image, 48, doc.y, { fit: [220, 90] });
    doc.y += 95;
  }
  row(doc, signature.signerName, when(signature.signedAt, timeZone));
  row(doc, LABEL.recordedBy, signature.recordedByName);
  if (version.refusalReason) row(doc, LABEL.reason, version.refusalReason);
}

/** Writes the ticket as it reads now, the current version's signature, and what it corrects. */
export function writeTicketPdf(doc: PDFKit.PDFDocument, ticket: DeliveryTicketDto): void {
  const current = ticket.versions.at(-1);
  writeContent(doc, ticket.content, ticket.currentVersion);
  if (current?.correction && current.supersedesVersion !== null)
    row(doc, `${LABEL.corrects} ${current.supersedesVersion}`, current.correction.reason);
  writeSignature(doc, current, ticket.content.plant.timeZone);
}
