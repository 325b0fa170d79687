import {
  OVERRIDDEN_FIELDS,
  type OverriddenField,
  type PourLogCode,
  type PourLogEntryDto,
  pourLogEntryMatches,
  type PourLogProposal,
  type PourMessageDto,
  POUR_REQUEST_KINDS,
  type PourRequestKind,
} from '@pourline/contracts';
import { isPourStatus } from '@pourline/domain';
import type { PourMessageEntity } from './pour-message.entity';
import type { LoadStepRow, PourAuditRow, PourLogRows, PourRequestRow, QcTestRow } from './pour-log.repository';

function proposalOf(message: PourMessageEntity): PourLogProposal | null {
  if (message.proposedRemainingM3 === null) return null;
  const confirmed = message.confirmedAt !== null;
  return {
    kind: 'remaining_volume',
    remainingM3: message.proposedRemainingM3,
    status: confirmed ? 'confirmed' : 'pending',
    confirmedBy: confirmed ? { name: message.confirmedByName ?? '', role: message.confirmedByRole } : null,
    confirmedAt: message.confirmedAt?.toISOString() ?? null,
    plannedM3: message.plannedM3,
  };
}

export function toPourMessageDto(message: PourMessageEntity, projectId: string): PourMessageDto {
  return {
    id: message.id,
    kind: 'message',
    pourId: message.pourId,
    projectId,
    at: message.at.toISOString(),
    by: { name: message.byName, role: message.byRole },
    code: message.code,
    params: message.params,
    text: message.text,
    proposal: proposalOf(message),
  };
}

function system(
  source: string,
  row: { id: string; at: Date; actorName: string; actorRole: PourLogEntryDto['by']['role'] },
  code: PourLogCode,
  params: PourLogEntryDto['params'] = {},
): PourLogEntryDto {
  return {
    id: `${source}:${row.id}`,
    kind: 'system',
    at: row.at.toISOString(),
    by: { name: row.actorName, role: row.actorRole ?? null },
    code,
    params,
    text: '',
    proposal: null,
  };
}

export function loadStepEntry(row: LoadStepRow): PourLogEntryDto {
  return system('load-event', row, `load.${row.toStatus}`, { ticket: row.ticket, truck: row.truck });
}

export function qcTestEntry(row: QcTestRow): PourLogEntryDto {
  return system('qc-test', row, `qc.${row.stage}.${row.pass ? 'pass' : 'fail'}`, {
    ticket: row.ticket,
    truck: row.truck,
    slumpMm: row.slumpMm,
    outcome: row.outcome,
    reasons: row.reasons.map((reason) => reason.code),
  });
}

function isRequestKind(kind: string): kind is PourRequestKind {
  return (POUR_REQUEST_KINDS as readonly string[]).includes(kind);
}

export function requestEntry(row: PourRequestRow): PourLogEntryDto | null {
  if (!isRequestKind(row.kind)) return null;
  return system('request', row, `request.${row.kind}`, row.note ? { note: row.note } : {});
}

const asNumber = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

const isOverriddenField = (value: unknown): value is OverriddenField =>
  (OVERRIDDEN_FIELDS as readonly unknown[]).includes(value);

const DECISION_CODE = {
  dispatch_accepted: 'dispatch.accepted',
  dispatch_overridden: 'dispatch.overridden',
  dispatch_auto: 'dispatch.auto_load',
} as const;

/** The pour's history as log entries; an action the log does not know is left to the history panel. */
export function auditEntry(row: PourAuditRow): PourLogEntryDto | null {
  const { changes } = row;
  switch (row.action) {
    case 'created':
      return system('audit', row, 'pour.created');
    case 'updated':
      return system('audit', row, 'pour.plan_changed');
    case 'status_changed':
      return isPourStatus(changes.to) ? system('audit', row, `pour.${changes.to}`) : null;
    case 'dispatch_held':
      return system('audit', row, 'dispatch.held', typeof changes.reason === 'string' ? { note: changes.reason } : {});
    case 'dispatch_resumed':
      return system('audit', row, 'dispatch.resumed');
    case 'dispatch_accepted':
    case 'dispatch_overridden':
    case 'dispatch_auto':
      return system('audit', row, DECISION_CODE[row.action], {
        ticket: asString(changes.ticket),
        truck: asString(changes.truck) ?? null,
        volumeM3: asNumber(changes.volumeM3),
        loadAt: asString(changes.loadAt),
        ...(typeof changes.plant === 'string' ? { plant: changes.plant } : {}),
        ...(Array.isArray(changes.changed) ? { changed: changes.changed.filter(isOverriddenField) } : {}),
        ...(typeof changes.reason === 'string' ? { note: changes.reason } : {}),
      });
    case 'dispatch_auto_on':
      return system('audit', row, 'dispatch.auto_on');
    case 'dispatch_auto_off':
      return system('audit', row, 'dispatch.auto_off');
    case 'cold_joint_limit_set':
      return system('audit', row, 'dispatch.cold_joint_limit', { minutes: asNumber(changes.minutes) ?? null });
    case 'bunching_limit_set':
      return system('audit', row, 'dispatch.bunching_limit', { trucks: asNumber(changes.trucks) ?? null });
    case 'remaining_set': {
      const volume = changes.volumeM3 as { from?: unknown; to?: unknown } | undefined;
      return system('audit', row, 'pour.remaining_set', {
        lastLoadM3: asNumber(changes.remainingM3),
        fromM3: asNumber(volume?.from),
        toM3: asNumber(volume?.to),
      });
    }
    default:
      return null;
  }
}

/** Every entry of the pour, newest first; entries of the same instant keep one order, so pages are stable. */
export function pourLogEntries(rows: PourLogRows, projectId: string): PourLogEntryDto[] {
  const entries: PourLogEntryDto[] = [
    ...rows.messages.map((message) => toPourMessageDto(message, projectId)),
    ...rows.loadSteps.map(loadStepEntry),
    ...rows.qcTests.map(qcTestEntry),
    ...rows.requests.flatMap((row) => requestEntry(row) ?? []),
    ...rows.audit.flatMap((row) => auditEntry(row) ?? []),
  ];
  return entries.sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

export interface LogPageRequest {
  q?: string;
  codes?: readonly string[];
  page: number;
  pageSize: number;
}

export function logPage(entries: readonly PourLogEntryDto[], request: LogPageRequest) {
  const found = entries.filter((entry) => pourLogEntryMatches(entry, request.q, request.codes));
  const start = (request.page - 1) * request.pageSize;
  return { items: found.slice(start, start + request.pageSize), total: found.length };
}
