import './requests.css';
import type { PourDto } from '@pourline/contracts';
import { useMemo } from 'react';
import { useI18n } from '../i18n/useI18n';
import { useLive } from '../live/useLive';
import { openRequests } from './openRequests';
import { OpenRequestItem } from './OpenRequestItem';
import { useRequestChime } from './useRequestChime';

interface OpenRequestsListProps {
  pours: readonly PourDto[];
  now: number;
  canAcknowledge: boolean;
  onFocusPour: (pourId: string) => void;
}

/** Every site request still waiting for the dispatch room, oldest first, overdue ones escalated. */
export function OpenRequestsList({ pours, now, canAcknowledge, onFocusPour }: OpenRequestsListProps) {
  const { t } = useI18n();
  const requests = useLive((state) => state.pourRequests);
  useRequestChime(requests);
  const open = useMemo(() => openRequests(requests, now), [requests, now]);
  const byId = useMemo(() => new Map(pours.map((pour) => [pour.id, pour])), [pours]);
  if (open.length === 0) return null;
  return (
    <section className="op-requests" data-testid="open-requests" aria-labelledby="op-requests-title">
      <div className="op-section-head">
        <h2 id="op-requests-title">{t('requests.title', { count: open.length })}</h2>
      </div>
      <ol className="request-list" aria-live="assertive">
        {open.map(({ request, overdue }) => {
          const pour = byId.get(request.pourId);
          return (
            <OpenRequestItem
              key={request.id}
              request={request}
              overdue={overdue}
              timeZone={pour?.plantTimeZone ?? 'UTC'}
              pourLabel={pour ? `${pour.projectName} · ${pour.structuralElement}` : t('requests.otherPour')}
              canAcknowledge={canAcknowledge}
              onFocusPour={onFocusPour}
            />
          );
        })}
      </ol>
    </section>
  );
}
