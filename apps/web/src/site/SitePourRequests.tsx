import { POUR_REQUEST_KINDS, type PourDto, type PourRequestDto } from '@pourline/contracts';
import { useState } from 'react';
import { useLive } from '../live/useLive';
import { latestRequestOf } from '../requests/openRequests';
import { useI18n } from '../i18n/useI18n';
import { formatPlantClock } from '../pours/plantTime';
import type { OutboxAction, OutboxSnapshot } from './outbox';
import { PendingBadge } from './PendingBadge';

interface SitePourRequestsProps {
  pour: PourDto;
  snapshot: OutboxSnapshot;
  lastRequest: PourRequestDto | null;
  onAction: (action: OutboxAction) => void;
  /** The note of a request just taken back with Undo: it goes back into the field. */
  restoredNote: RestoredNote | null;
}

export interface RestoredNote {
  pourId: string;
  note: string;
}

const NOTE_MAX = 500;

/** Asking the dispatch room to change the rhythm of trucks, with an optional short note. */
export function SitePourRequests({ pour, snapshot, lastRequest, onAction, restoredNote }: SitePourRequestsProps) {
  const { t, locale } = useI18n();
  const [note, setNote] = useState('');
  const [seenRestore, setSeenRestore] = useState(restoredNote);
  if (restoredNote !== seenRestore) {
    setSeenRestore(restoredNote);
    if (restoredNote?.pourId === pour.id) setNote(restoredNote.note);
  }
  const pending = snapshot.items.filter(
    (item) => item.action.kind === 'pour-request' && item.action.pourId === pour.id,
  );
  const requests = useLive((state) => state.pourRequests);
  // The live copy carries the dispatch room's "copy"; the outbox's answer covers the moment before it arrives.
  const fromStore = latestRequestOf(requests, pour.id);
  const fromOutbox = lastRequest?.pourId === pour.id ? lastRequest : null;
  const shownRequest =
    fromStore && (!fromOutbox || Date.parse(fromStore.at) >= Date.parse(fromOutbox.at)) ? fromStore : fromOutbox;
  const clock = (iso: string) => formatPlantClock(iso, pour.plantTimeZone, locale);

  return (
    <section className="site-panel site-requests" aria-labelledby="site-requests-title">
      <h2 id="site-requests-title">{t('site.request.title')}</h2>
      <div className="site-request-buttons">
        {POUR_REQUEST_KINDS.map((kind) => {
          const waiting = pending.filter(
            (item) => item.action.kind === 'pour-request' && item.action.request.kind === kind,
          );
          return (
            <button
              key={kind}
              type="button"
              className={`button site-action site-request site-request--${kind}`}
              data-testid={`site-request-${kind}`}
              onClick={() => {
                onAction({ kind: 'pour-request', pourId: pour.id, request: { kind, note: note.trim() } });
                setNote('');
              }}
            >
              <span>{t(`site.request.${kind}`)}</span>
              {waiting.length > 0 && <PendingBadge item={waiting[waiting.length - 1]} snapshot={snapshot} />}
            </button>
          );
        })}
      </div>
      <label className="field site-request-note">
        <span>{t('site.request.note')}</span>
        <input
          type="text"
          value={note}
          maxLength={NOTE_MAX}
          data-testid="site-request-note"
          onChange={(event) => setNote(event.target.value)}
        />
      </label>
      {shownRequest && pending.length === 0 && (
        <p
          className={`site-request-sent${shownRequest.acknowledgement ? ' site-request-sent--copied' : ''}`}
          data-testid="site-request-sent"
          data-acknowledged={shownRequest.acknowledgement ? 'true' : 'false'}
          role="status"
        >
          {t('site.request.sent', { kind: t(`site.request.${shownRequest.kind}`), time: clock(shownRequest.at) })}{' '}
          <strong data-testid="site-request-copy">
            {shownRequest.acknowledgement
              ? t('site.request.copied', {
                  name: shownRequest.acknowledgement.byName,
                  time: clock(shownRequest.acknowledgement.at),
                })
              : t('site.request.awaitingCopy')}
          </strong>
        </p>
      )}
    </section>
  );
}
