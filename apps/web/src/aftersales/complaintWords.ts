import { COMPLAINT_TIMERS, type ComplaintTimer } from '@pourline/domain';

export const isComplaintTimer = (value: string): value is ComplaintTimer =>
  (COMPLAINT_TIMERS as readonly string[]).includes(value);
