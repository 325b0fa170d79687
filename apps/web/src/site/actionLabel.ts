import type { Translate } from '../i18n/translator';
import type { OutboxAction } from './outbox';

/** An action as the person took it, in words: "Arrived · JN-…-004", "Pump · Breakdown". */
export function actionLabel(action: OutboxAction, t: Translate): string {
  switch (action.kind) {
    case 'load-step':
      return `${t(`site.action.${action.step}`)} · ${action.ticketNumber}`;
    case 'pour-request':
      return t(`site.request.${action.request.kind}`);
    case 'pump-status':
      return `${t('site.pump.title')} · ${t(`pumpStatus.${action.request.status}`)}`;
    case 'site-test':
      return `${t('site.slumpTest.open')} · ${action.ticketNumber}`;
  }
}
