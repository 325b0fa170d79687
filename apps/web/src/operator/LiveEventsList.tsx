import type { AlertAcknowledgement, PlantDto, PourDto, PumpDto, TruckDto } from '@pourline/contracts';
import { type FormEvent, useMemo, useState } from 'react';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/useI18n';
import { orderAlerts } from '../live/liveAlerts';
import { describeAlert } from '../live/alertWords';
import type { LiveAlert } from '../live/liveState';
import { useLive } from '../live/useLive';
import { resolutionKey } from '../live/LiveStore';
import { useLiveStore } from '../live/useLiveStore';
import { formatPlantTime } from '../pours/plantTime';
import { DispatchError } from './DispatchError';
import { acknowledgeAlert } from './operatorEndpoints';
import { useDispatchAction } from './useDispatchAction';

interface LiveEventsListProps {
  plants: readonly PlantDto[];
  pumps: readonly PumpDto[];
  pours: readonly PourDto[];
  trucks: readonly TruckDto[];
  /** alerts.acknowledge: the person may close an alert with a note. */
  canAcknowledge: boolean;
  onFocusPour: (pourId: string) => void;
  /** Shows the truck on the map, with its details. */
  onSelectTruck: (truckId: string) => void;
}

const SHOWN = 50;
const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', second: '2-digit' };
const SHORT_CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

/**
 * Rejections, holds, pump breakdowns, deadlines at risk and the flow of concrete, on the plant's
 * clock: what still needs someone first, then what was acknowledged, by whom.
 */
export function LiveEventsList(props: LiveEventsListProps) {
  const { plants, pumps, pours, trucks, canAcknowledge, onFocusPour, onSelectTruck } = props;
  const { t } = useI18n();
  const alerts = useLive((state) => state.alerts);
  const acknowledgements = useLive((state) => state.alertAcknowledgements);
  const shown = useMemo(() => orderAlerts(alerts, acknowledgements), [alerts, acknowledgements]);
  const openCount = shown.filter((entry) => entry.acknowledgement === null).length;

  return (
    <section className="op-events" data-testid="live-events" aria-labelledby="op-events-title">
      <div className="op-section-head">
        <h2 id="op-events-title">{t('alerts.title')}</h2>
        <span className="muted" data-testid="alerts-open-count">
          {t('alerts.openCount', { count: openCount })}
        </span>
      </div>
      {shown.length === 0 ? (
        <p className="status-note">{t('live.events.empty')}</p>
      ) : (
        <ol className="op-event-list" aria-live="polite">
          {shown.slice(0, SHOWN).map(({ alert, acknowledgement }) => (
            <AlertItem
              key={alert.id}
              alert={alert}
              acknowledgement={acknowledgement}
              plants={plants}
              pumps={pumps}
              pours={pours}
              trucks={trucks}
              canAcknowledge={canAcknowledge}
              onFocusPour={onFocusPour}
              onSelectTruck={onSelectTruck}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

interface AlertItemProps extends Omit<LiveEventsListProps, 'canAcknowledge'> {
  alert: LiveAlert;
  acknowledgement: AlertAcknowledgement | null;
  canAcknowledge: boolean;
}

function AlertItem(props: AlertItemProps) {
  const { alert, acknowledgement, plants, pumps, pours, trucks, canAcknowledge, onFocusPour, onSelectTruck } = props;
  const { t, locale, formatNumber } = useI18n();
  const api = useApi();
  const store = useLiveStore();
  const action = useDispatchAction();
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState('');
  const resolvedAt = useLive((state) =>
    state.alertResolutions.get(alert.flow ? alert.flow.key : resolutionKey(alert.seq ?? -1)),
  );

  const pump = alert.pumpId ? pumps.find((candidate) => candidate.id === alert.pumpId) : undefined;
  const plantId = alert.plantId ?? pump?.homePlantId;
  const timeZone = plants.find((plant) => plant.id === plantId)?.timeZone ?? plants[0]?.timeZone ?? 'UTC';
  const pour = alert.pourId ? pours.find((candidate) => candidate.id === alert.pourId) : undefined;
  // The pour as the board lists it, else as the alert names it (a pump's pour the board may not hold).
  const place = pour
    ? { siteName: pour.projectName, structuralElement: pour.structuralElement }
    : (alert.pourPlace ?? null);
  const truck = alert.truckFleetNumber
    ? trucks.find((candidate) => candidate.fleetNumber === alert.truckFleetNumber)
    : undefined;
  const acknowledgeable = alert.seq !== null;
  const seq = alert.seq;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (seq === null || note.trim() === '') return;
    const done = await action.run(async () => {
      store.receiveAlerts([await acknowledgeAlert(api, seq, { note: note.trim() })]);
    });
    if (done) setAsking(false);
  };

  return (
    <li
      className={`op-event op-event--${alert.type}${acknowledgement ? ' op-event--acknowledged' : ''}`}
      data-testid="alert"
      data-type={alert.type}
      {...(acknowledgeable ? { 'data-seq': alert.seq, 'data-acknowledged': acknowledgement ? 'true' : 'false' } : {})}
    >
      <div className="op-event-body" data-testid="live-event" data-type={alert.type}>
        <time dateTime={alert.at} className="op-event-time">
          {formatPlantTime(alert.at, timeZone, locale, CLOCK)}
        </time>
        <span className="op-event-kind">{t(`live.eventType.${alert.type}`)}</span>
        <span className="op-event-text">{describeAlert(alert, pump, t, formatNumber)}</span>
      </div>
      {place && alert.pourId && (
        <button
          type="button"
          className="link-button op-event-pour"
          data-testid="alert-pour-link"
          onClick={() => alert.pourId && onFocusPour(alert.pourId)}
        >
          {t('live.event.atPour', { site: place.siteName, element: place.structuralElement })}
        </button>
      )}
      {truck && (
        <button
          type="button"
          className="link-button op-event-truck"
          data-testid="alert-truck-link"
          onClick={() => onSelectTruck(truck.id)}
        >
          {t('live.event.showTruck', { truck: truck.fleetNumber })}
        </button>
      )}
      {resolvedAt && (
        <p className="op-event-ack" data-testid="alert-resolved">
          {t('alerts.resolved', { time: formatPlantTime(resolvedAt, timeZone, locale, SHORT_CLOCK) })}
        </p>
      )}
      {acknowledgement && (
        <p className="op-event-ack" data-testid="alert-acknowledgement">
          {t('alerts.acknowledgedBy', {
            name: acknowledgement.byName,
            time: formatPlantTime(acknowledgement.at, timeZone, locale, SHORT_CLOCK),
            note: acknowledgement.note,
          })}
        </p>
      )}
      {acknowledgeable && !acknowledgement && canAcknowledge && !asking && (
        <button
          type="button"
          className="button button--small op-event-action"
          data-testid="alert-acknowledge"
          onClick={() => {
            action.clearError();
            setAsking(true);
          }}
        >
          {t('alerts.acknowledge')}
        </button>
      )}
      {acknowledgeable && !acknowledgement && asking && (
        <form className="dispatch-form op-event-action" onSubmit={submit}>
          <label className="field">
            <span>{t('alerts.note')}</span>
            <textarea
              data-testid="alert-note"
              rows={2}
              maxLength={500}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              required
              autoFocus
            />
          </label>
          <div className="action-row">
            <button
              type="submit"
              className="button button--small button--primary"
              data-testid="alert-acknowledge-submit"
              disabled={action.busy || note.trim() === ''}
            >
              {t('alerts.acknowledgeSubmit')}
            </button>
            <button type="button" className="button button--small button--ghost" onClick={() => setAsking(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      <DispatchError message={action.error} />
    </li>
  );
}
