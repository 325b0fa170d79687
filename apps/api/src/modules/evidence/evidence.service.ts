import { Injectable } from '@nestjs/common';
import type { CurrentUser, EvidenceLoadDto, EvidencePackDto, EvidenceSignatureDto } from '@pourline/contracts';
import type { LoadStatus } from '@pourline/domain';
import { canSeeProject } from '../../platform/auth/project-scope';
import { Clock } from '../../platform/clock/clock';
import { NotFoundError } from '../../platform/errors/domain-error';
import { PdfDocuments } from '../../platform/pdf/pdf-documents';
import { EVIDENCE_LABELS, type EvidenceLanguage } from './evidence-labels';
import { writeEvidencePack } from './evidence-pdf';
import { type EvidenceLoadRow, EvidenceRepository, type SignatureRow } from './evidence.repository';

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

function toSignature(row: SignatureRow): EvidenceSignatureDto {
  return {
    ticketVersion: row.version,
    outcome: row.outcome,
    moment: row.moment,
    refusalReason: row.refusal_reason,
    signature:
      row.signer_name && row.signed_at
        ? {
            signerName: row.signer_name,
            imageDataUrl: row.signature_image
              ? `data:image/png;base64,${row.signature_image.toString('base64')}`
              : null,
            signedAt: new Date(row.signed_at).toISOString(),
            recordedById: row.signed_by_id ?? '',
            recordedByName: row.signed_by_name ?? '',
          }
        : null,
  };
}
/** A truck not yet back is traced this long after leaving at most. */
const OPEN_TRACE_MS = 4 * 3_600_000;

/** Assembles a pour's evidence: every load's times, trace, water, tests, specimens, and the pour's log. */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly evidence: EvidenceRepository,
    private readonly clock: Clock,
    private readonly pdfs: PdfDocuments,
  ) {}

  async pdf(pourId: string, language: EvidenceLanguage, actor: CurrentUser) {
    const pack = await this.pack(pourId, actor);
    const labels = EVIDENCE_LABELS[language];
    const content = await this.pdfs.render(
      {
        title: `${labels.title} — ${pack.structuralElement}`,
        author: pack.plantName,
        subject: pack.projectName,
        language,
        createdAt: new Date(pack.generatedAt),
      },
      (doc) => writeEvidencePack(doc, pack, language),
    );
    return { fileName: `evidence-${pack.pourId}.pdf`, content };
  }

  async pack(pourId: string, actor: CurrentUser): Promise<EvidencePackDto> {
    const pour = await this.evidence.pour(pourId);
    if (!pour || !canSeeProject(actor, pour.project_id)) throw new NotFoundError('Pour', pourId);
    const [loads, tests, specimens, water, messages, signatures] = await Promise.all([
      this.evidence.loads(pourId),
      this.evidence.tests(pourId),
      this.evidence.specimens(pourId),
      this.evidence.water(pourId),
      this.evidence.messages(pourId),
      this.evidence.signatures(pourId),
    ]);
    const withoutLoadId = <T extends { loadId: string }>({ loadId: _, ...rest }: T) => rest;
    const evidenceLoads: EvidenceLoadDto[] = [];
    for (const load of loads) {
      evidenceLoads.push({
        loadId: load.id,
        ticketNumber: load.ticket_number,
        truckFleetNumber: load.fleet_number,
        mixCode: load.mix_code,
        volumeM3: load.volume_m3,
        status: load.status as LoadStatus,
        rejected: load.rejected,
        batchedAt: iso(load.batched_at),
        leftPlantAt: iso(load.left_at),
        arrivedAt: iso(load.arrived_at),
        dischargeStartedAt: iso(load.discharge_started_at),
        dischargeEndedAt: iso(load.discharge_ended_at),
        backAtPlantAt: iso(load.back_at),
        waterAddedLitres: load.water_added_litres,
        water: water.filter((item) => item.loadId === load.id).map(withoutLoadId),
        tests: tests.filter((item) => item.loadId === load.id).map(withoutLoadId),
        specimens: specimens.filter((item) => item.loadId === load.id).map(withoutLoadId),
        signatures: signatures.filter((row) => row.load_id === load.id).map(toSignature),
        trace: await this.trace(load),
      });
    }
    return {
      pourId,
      structuralElement: pour.structural_element,
      projectName: pour.project_name,
      customerName: pour.customer_name,
      plantName: pour.plant_name,
      plantTimeZone: pour.time_zone,
      scheduledStart: new Date(pour.scheduled_start).toISOString(),
      volumeM3: pour.volume_m3,
      mixCode: pour.mix_code,
      generatedAt: this.clock.now().toISOString(),
      loads: evidenceLoads,
      messages,
    };
  }

  /** From leaving the plant until back at the plant, or the end of discharge, or a few hours on. */
  private trace(load: EvidenceLoadRow) {
    if (!load.truck_id || !load.left_at) return Promise.resolve([]);
    const from = new Date(load.left_at);
    const to = load.back_at ?? load.discharge_ended_at ?? new Date(from.getTime() + OPEN_TRACE_MS);
    return this.evidence.trace(load.truck_id, from, new Date(to));
  }
}
