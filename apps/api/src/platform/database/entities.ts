import { DispatchConditionEntity } from '../../modules/dispatch/dispatch-condition.entity';
import { DispatchDecisionEntity } from '../../modules/dispatch/dispatch-decision.entity';
import { PourDispatchSettingEntity } from '../../modules/dispatch/pour-dispatch-setting.entity';
import { CustomerEntity } from '../../modules/customers/customer.entity';
import { PourDocumentEntity } from '../../modules/documents/pour-document.entity';
import { PumpEntity } from '../../modules/fleet/pump.entity';
import { TruckEntity } from '../../modules/fleet/truck.entity';
import { MixEntity } from '../../modules/mixes/mix.entity';
import { PlantEntity } from '../../modules/plants/plant.entity';
import { PourEntity } from '../../modules/pours/pour.entity';
import { ProjectEntity } from '../../modules/projects/project.entity';
import { UserEntity } from '../../modules/users/user.entity';
import { LoadEventEntity } from '../../modules/loads/load-event.entity';
import { LoadEntity } from '../../modules/loads/load.entity';
import { TicketCounterEntity } from '../../modules/loads/ticket-counter.entity';
import { WaterAdditionEntity } from '../../modules/loads/water-addition.entity';
import { NonConformanceEntity } from '../../modules/quality/non-conformance.entity';
import { QcOverrideEntity } from '../../modules/quality/qc-override.entity';
import { QcTestEntity } from '../../modules/quality/qc-test.entity';
import { SpecimenSetEntity } from '../../modules/quality/specimen-set.entity';
import { LatestPositionEntity } from '../../modules/tracking/latest-position.entity';
import { PositionEntity } from '../../modules/tracking/position.entity';
import { PumpStatusChangeEntity } from '../../modules/tracking/pump-status-change.entity';
import { TruckFencePresenceEntity } from '../../modules/tracking/truck-fence-presence.entity';
import { LiveEventEntity } from '../live/live-event.entity';
import { LiveOutboxEntity } from '../live/live-outbox.entity';
import { LiveRelayStateEntity } from '../live/live-relay-state.entity';
import { AlertEntity } from '../../modules/alerts/alert.entity';
import { LoadDeadlineRiskEntity } from '../../modules/loads/deadline-risk.entity';
import { IdempotentRequestEntity } from '../idempotency/idempotent-request.entity';
import { PourRequestEntity } from '../../modules/pours/pour-request.entity';
import { AlertAcknowledgementEntity } from '../../modules/alerts/alert-acknowledgement.entity';
import { AuditEntryEntity } from '../audit/audit-entry.entity';
import { PourMessageEntity } from '../../modules/pour-log/pour-message.entity';
import { InspectionLotPourEntity } from '../../modules/strength/inspection-lot-pour.entity';
import { InspectionLotEntity } from '../../modules/strength/inspection-lot.entity';
import { StrengthVerdictEntity } from '../../modules/strength/strength-verdict.entity';
import { StrengthWarningEntity } from '../../modules/strength/strength-warning.entity';
import { PlanResponseEntity } from '../../modules/pour-orders/plan-response.entity';
import { PourOrderEntity } from '../../modules/pour-orders/pour-order.entity';
import { DeliveryTicketVersionEntity } from '../../modules/tickets/delivery-ticket-version.entity';

import { ComplaintEntity } from '../../modules/complaints/complaint.entity';
import { ComplaintStepEntity } from '../../modules/complaints/complaint-step.entity';
import { CorrectiveActionEntity } from '../../modules/complaints/corrective-action.entity';
import { ComplaintPhotoEntity } from '../../modules/complaints/complaint-photo.entity';
import { ComplaintTimerSettingEntity } from '../../modules/complaints/complaint-timer-setting.entity';
import { ComplaintOverdueEntity } from '../../modules/complaints/complaint-overdue.entity';

export const ENTITIES = [
  UserEntity,
  PlantEntity,
  CustomerEntity,
  ProjectEntity,
  MixEntity,
  TruckEntity,
  PumpEntity,
  PourEntity,
  PourDocumentEntity,
  AuditEntryEntity,
  LoadEntity,
  LoadEventEntity,
  TicketCounterEntity,
  WaterAdditionEntity,
  QcTestEntity,
  QcOverrideEntity,
  NonConformanceEntity,
  SpecimenSetEntity,
  PositionEntity,
  LatestPositionEntity,
  TruckFencePresenceEntity,
  PumpStatusChangeEntity,
  LiveEventEntity,
  LiveOutboxEntity,
  LiveRelayStateEntity,
  AlertEntity,
  LoadDeadlineRiskEntity,
  IdempotentRequestEntity,
  PourRequestEntity,
  AlertAcknowledgementEntity,
  PourMessageEntity,
  InspectionLotEntity,
  InspectionLotPourEntity,
  StrengthVerdictEntity,
  StrengthWarningEntity,
  PourDispatchSettingEntity,
  DispatchDecisionEntity,
  DispatchConditionEntity,
  ComplaintEntity,
  ComplaintStepEntity,
  CorrectiveActionEntity,
  ComplaintPhotoEntity,
  ComplaintTimerSettingEntity,
  ComplaintOverdueEntity,
  DeliveryTicketVersionEntity,
  PourOrderEntity,
  PlanResponseEntity,
];
