import './requests.css';
import type { PourDto } from '@pourline/contracts';
import { useMemo } from 'react';
import { useLive } from '../live/useLive';
import { openRequests } from './openRequests';
import { OpenRequestItem } from './OpenRequestItem';

/** A pour's unanswered site requests, on its card in the dispatch room. */
export function PourCardRequests({
  pour,
  now,
  canAcknowledge,
}: {
  pour: PourDto;
  now: number;
  canAcknowledge: boolean;
}) {
  const requests = useLive((state) => state.pourRequests);
  const open = useMemo(() => openRequests(requests, now, pour.id), [requests, now, pour.id]);
  if (open.length === 0) return null;
  return (
    <ol className="request-list request-list--card" data-testid="pour-requests">
      {open.map(({ request, overdue }) => (
        <OpenRequestItem
          key={request.id}
          request={request}
          overdue={overdue}
          timeZone={pour.plantTimeZone}
          canAcknowledge={canAcknowledge}
        />
      ))}
    </ol>
  );
}
