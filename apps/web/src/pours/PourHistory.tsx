import type { AuditEntryDto, PourDto } from '@pourline/contracts';
import { errorMessage } from '../api/errorMessage';
import { actorName } from '../i18n/actorName';
import type { I18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages.en';
import { useI18n } from '../i18n/useI18n';
import { formatPlantTime } from './plantTime';
import { usePourHistory } from './usePourHistory';
import { useReloadOnChange } from './useReloadOnChange';
import { isPourStatus } from './wireEnums';

/** Plan fields as the panel names them, so "changed volume" reads the same as the plan. */
const FIELD_LABELS: Partial<Record<string, MessageKey>> = {
  structuralElement: 'detail.element',
  scheduledStart: 'detail.scheduledStart',
  volumeM3: 'detail.volume',
  pourRateM3PerHour: 'detail.rate',
  startPoint: 'detail.startPoint',
  endPoint: 'detail.endPoint',
  direction: 'detail.direction',
  pumpId: 'detail.pump',
  pumpPosition: 'detail.pumpPosition',
  pumpingMethod: 'detail.pumpingMethod',
  entryRoute: 'detail.entryRoute',
  exitRoute: 'detail.exitRoute',
  truckCount: 'detail.trucks',
  mixId: 'detail.mix',
  slumpTargetMm: 'detail.slump',
  slumpToleranceMm: 'detail.slump',
  initialSettingMinutes: 'detail.initialSetting',
  requiredDocumentTypes: 'detail.requiredDocuments',
  notes: 'detail.notes',
  projectId: 'detail.project',
  plantId: 'detail.plant',
};

/** Kept beside an update's changes but no plan field: the plan rules it was checked by. */
const NOT_FIELDS: ReadonlySet<string> = new Set(['planRules']);

function statusLabel(value: unknown, t: I18n['t']): string {
  return isPourStatus(value) ? t(`status.${value}`) : String(value);
}

function describe(entry: AuditEntryDto, t: I18n['t']): { text: string; detail?: string } {
  const changes = entry.changes;
  switch (entry.action) {
    case 'created':
      return { text: t('history.created') };
    case 'updated': {
      const fields = [
        ...new Set(
          Object.keys(changes)
            .filter((key) => !NOT_FIELDS.has(key))
            .map((key) => {
              const label = FIELD_LABELS[key];
              return label ? t(label) : key;
            }),
        ),
      ];
      return { text: t('history.updated', { fields: fields.join(', ') }) };
    }
    case 'status_changed': {
      const override = changes.documentGateOverride as { reason?: unknown } | undefined;
      return {
        text: t('history.statusChanged', { from: statusLabel(changes.from, t), to: statusLabel(changes.to, t) }),
        detail: override?.reason ? t('history.overrideReason', { reason: String(override.reason) }) : undefined,
      };
    }
    case 'pump_double_booking_confirmed': {
      const { pumpCode, clashes, reason } = changes as {
        pumpCode?: unknown;
        clashes?: { structuralElement?: unknown }[];
        reason?: unknown;
      };
      const pours = (clashes ?? []).map((clash) => `“${String(clash.structuralElement)}”`).join(', ');
      return {
        text: t('history.pumpDoubleBooked', { pump: String(pumpCode ?? ''), pours }),
        detail: t('history.reason', { reason: String(reason ?? '') }),
      };
    }
    case 'early_start_confirmed': {
      const { ticketNumber, minutesBeforeStart, rules, reason } = changes as {
        ticketNumber?: unknown;
        minutesBeforeStart?: unknown;
        rules?: { maxMinutesLoadingBeforeStart?: unknown };
        reason?: unknown;
      };
      return {
        text: t('history.earlyStart', {
          ticket: String(ticketNumber ?? ''),
          minutes: Number(minutesBeforeStart),
          limit: Number(rules?.maxMinutesLoadingBeforeStart),
        }),
        detail: t('history.reason', { reason: String(reason ?? '') }),
      };
    }
    case 'remaining_set': {
      const volume = changes.volumeM3 as { from?: unknown; to?: unknown } | undefined;
      return {
        text: t('history.remainingSet', {
          m3: String(changes.remainingM3),
          from: String(volume?.from),
          to: String(volume?.to),
        }),
      };
    }
    default:
      return { text: t('history.other', { action: entry.action }) };
  }
}

export function PourHistory({ pour }: { pour: PourDto }) {
  const { t, locale } = useI18n();
  const { data: entries, error, loading, reload } = usePourHistory(pour.id);
  // The pour's updatedAt moves on every change; fetch the history again when it does.
  useReloadOnChange(pour.updatedAt, reload);

  return (
    <section className="panel" aria-labelledby="history-title" data-testid="pour-history">
      <h2 id="history-title">{t('history.title')}</h2>
      {error !== undefined && (
        <div className="banner banner--error" role="alert">
          <span>{errorMessage(error, t)}</span>
          <button type="button" className="button" onClick={reload}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {!entries && loading && <p className="status-note">{t('app.loading')}</p>}
      {entries && entries.length === 0 && <p className="muted">{t('history.empty')}</p>}
      {entries && entries.length > 0 && (
        <ol className="history-list">
          {entries.map((entry) => {
            const { text, detail } = describe(entry, t);
            return (
              <li key={entry.id} data-testid="history-entry" data-action={entry.action}>
                <time dateTime={entry.at} className="history-time">
                  {formatPlantTime(entry.at, pour.plantTimeZone, locale)}
                </time>
                <span className="history-text">
                  <strong>{actorName(entry.actorName, t)}</strong> {text}
                </span>
                {detail && <span className="history-detail">{detail}</span>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
