import type {
  ComplaintDto,
  ComplaintPhotoDto,
  ComplaintSummaryDto,
  CorrectiveActionDto,
  ComplaintStepDto,
} from '@pourline/contracts';
import { type ComplaintTimerMinutes, type ReachedStates, complaintTimerStates } from '@pourline/domain';
import type { ComplaintPhotoEntity } from './complaint-photo.entity';
import type { ComplaintStepEntity } from './complaint-step.entity';
import type { CorrectiveActionEntity } from './corrective-action.entity';
import type { ComplaintRow } from './complaints.repository';

export function complaintNumber(serial: number): string {
  return `CP-${String(serial).padStart(5, '0')}`;
}

export function reachedStates(steps: readonly ComplaintStepEntity[]): ReachedStates {
  const reached: ReachedStates = {};
  for (const step of steps) reached[step.state] ??= new Date(step.at);
  return reached;
}

export function toSummary(
  row: ComplaintRow,
  steps: readonly ComplaintStepEntity[],
  minutes: ComplaintTimerMinutes,
  now: Date,
): ComplaintSummaryDto {
  const timers = complaintTimerStates(new Date(row.receivedAt), minutes, reachedStates(steps), now);
  return {
    id: row.id,
    number: complaintNumber(row.serial),
    kind: row.kind,
    category: row.category,
    state: row.state,
    title: row.title,
    customerName: row.customerName,
    projectId: row.projectId,
    projectName: row.projectName,
    pourId: row.pourId,
    pourLabel: row.pourLabel,
    loadId: row.loadId,
    ticketNumber: row.ticketNumber,
    raisedVia: row.raisedVia,
    raisedByName: row.raisedByName,
    receivedAt: new Date(row.receivedAt).toISOString(),
    timers: timers.map((timer) => ({
      timer: timer.timer,
      dueAt: timer.dueAt.toISOString(),
      status: timer.status,
      metAt: timer.metAt?.toISOString() ?? null,
    })),
    overdue: row.state !== 'closed' && timers.some((timer) => timer.status === 'overdue'),
  };
}

const toStep = (step: ComplaintStepEntity): ComplaintStepDto => ({
  state: step.state,
  at: new Date(step.at).toISOString(),
  byName: step.byName,
  note: step.note,
});

const toAction = (action: CorrectiveActionEntity): CorrectiveActionDto => ({
  id: action.id,
  description: action.description,
  owner: action.owner,
  dueDate: action.dueDate,
  createdAt: action.createdAt.toISOString(),
  createdByName: action.createdByName,
  done: action.doneAt
    ? { at: action.doneAt.toISOString(), byName: action.doneByName ?? '', note: action.doneNote ?? '' }
    : null,
});

const toPhoto = (photo: ComplaintPhotoEntity): ComplaintPhotoDto => ({
  id: photo.id,
  fileName: photo.fileName,
  mimeType: photo.mimeType,
  sizeBytes: photo.sizeBytes,
  uploadedByName: photo.uploadedByName,
  uploadedAt: photo.uploadedAt.toISOString(),
});

export function toDetail(
  summary: ComplaintSummaryDto,
  row: ComplaintRow,
  steps: readonly ComplaintStepEntity[],
  actions: readonly CorrectiveActionEntity[],
  photos: readonly ComplaintPhotoEntity[],
): ComplaintDto {
  return {
    ...summary,
    description: row.description,
    concreteReturned: row.concreteReturned,
    nonConformanceId: row.nonConformanceId,
    steps: steps.map(toStep),
    actions: actions.map(toAction),
    photos: photos.map(toPhoto),
    followUp:
      row.followUpVisitedOn && row.followUpAt && row.satisfaction !== null
        ? {
            visitedOn: row.followUpVisitedOn,
            note: row.followUpNote ?? '',
            satisfaction: row.satisfaction,
            satisfactionComment: row.satisfactionComment ?? '',
            byName: row.followUpByName ?? '',
            at: new Date(row.followUpAt).toISOString(),
          }
        : null,
  };
}
