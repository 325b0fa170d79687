import './plant.css';
import type { CurrentUser, PlantDto } from '@pourline/contracts';
import { useMemo, useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import { useApi } from '../api/useApi';
import { useApiResource } from '../api/useApiResource';
import { useI18n } from '../i18n/useI18n';
import { useNow } from '../operator/useNow';
import { formatPlantClock } from '../pours/plantTime';
import { listPlants } from './plantEndpoints';
import { PourLog } from '../pourlog/PourLog';
import { usePermission } from '../auth/usePermission';
import { PlantTimelineChart } from '../dispatch/PlantTimelineChart';
import { PlantQueueRow } from './PlantQueueRow';
import { usePlantQueue } from './usePlantQueue';

/** Release times are read in minutes; a few seconds' lag is fine. */
const TICK_MS = 10_000;
const STORAGE_KEY = 'pourline.plant';

/** The plants this person runs: a plant operator's own, everyone else's choice of all. */
function plantsFor(user: CurrentUser, plants: readonly PlantDto[]): PlantDto[] {
  return user.role === 'plant_operator' ? plants.filter((plant) => user.plantIds.includes(plant.id)) : [...plants];
}

/** The plant's central control room: its loading queue in order, and the plant's steps for each load. */
export function PlantView({ user }: { user: CurrentUser }) {
  const { t } = useI18n();
  const api = useApi();
  const plantsResource = useApiResource('plants', (signal) => listPlants(api, signal));
  const plants = useMemo(() => plantsFor(user, plantsResource.data ?? []), [user, plantsResource.data]);
  const [chosenId, setChosenId] = useState(() => window.localStorage.getItem(STORAGE_KEY));
  const plant = plants.find((candidate) => candidate.id === chosenId) ?? plants[0];

  if (plantsResource.error !== undefined && !plantsResource.data) {
    return (
      <div className="banner banner--error" role="alert">
        {errorMessage(plantsResource.error, t)}
      </div>
    );
  }
  if (!plantsResource.data) return <p className="status-note">{t('app.loading')}</p>;
  if (!plant) return <p className="status-note">{t('plant.noPlants')}</p>;
  return (
    <div className="plant-view" data-testid="plant-view" data-plant-id={plant.id}>
      <div className="plant-bar">
        <h1>{t('plant.title', { code: plant.code, name: plant.name })}</h1>
        {plants.length > 1 && (
          <label className="field field--inline">
            <span>{t('plant.choose')}</span>
            <select
              value={plant.id}
              data-testid="plant-choose"
              onChange={(event) => {
                window.localStorage.setItem(STORAGE_KEY, event.target.value);
                setChosenId(event.target.value);
              }}
            >
              {plants.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.code} · {candidate.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <PlantQueue key={plant.id} plant={plant} />
    </div>
  );
}

function PlantQueue({ plant }: { plant: PlantDto }) {
  const { t, locale } = useI18n();
  const now = useNow(TICK_MS);
  const { queue, resource } = usePlantQueue(plant.id);
  const [logPourId, setLogPourId] = useState<string | null>(null);
  const canReadPlan = usePermission('dispatch.read');
  const pours = useMemo(() => {
    const byId = new Map<string, string>();
    for (const item of [...(queue?.outbound ?? []), ...(queue?.returning ?? [])]) {
      byId.set(item.pour.id, `${item.pour.projectName} · ${item.pour.structuralElement}`);
    }
    return [...byId];
  }, [queue]);
  const shownLogPourId = pours.some(([id]) => id === logPourId) ? logPourId : (pours[0]?.[0] ?? null);
  if (!queue) {
    return resource.error !== undefined ? (
      <div className="banner banner--error" role="alert">
        <span>{errorMessage(resource.error, t)}</span>
        <button type="button" className="button" onClick={resource.reload}>
          {t('common.retry')}
        </button>
      </div>
    ) : (
      <p className="status-note">{t('app.loading')}</p>
    );
  }
  return (
    <div className="plant-columns">
      <section className="plant-panel" data-testid="plant-outbound" aria-labelledby="plant-outbound-title">
        <div className="plant-panel-head">
          <h2 id="plant-outbound-title">{t('plant.outbound', { count: queue.outbound.length })}</h2>
          <span className="muted">
            {t('plant.updated', { time: formatPlantClock(queue.generatedAt, plant.timeZone, locale) })}
          </span>
        </div>
        {queue.outbound.length === 0 ? (
          <p className="status-note">{t('plant.outboundEmpty')}</p>
        ) : (
          <ol className="plant-list">
            {queue.outbound.map((item) => (
              <PlantQueueRow key={item.load.id} item={item} timeZone={plant.timeZone} now={now} />
            ))}
          </ol>
        )}
        {canReadPlan && (
          <div className="plant-gantt">
            <h3>{t('timeline.title')}</h3>
            <PlantTimelineChart plant={plant} />
          </div>
        )}
      </section>
      <div className="plant-side">
        <section className="plant-panel" data-testid="plant-returning" aria-labelledby="plant-returning-title">
          <div className="plant-panel-head">
            <h2 id="plant-returning-title">{t('plant.returning', { count: queue.returning.length })}</h2>
          </div>
          {queue.returning.length === 0 ? (
            <p className="status-note">{t('plant.returningEmpty')}</p>
          ) : (
            <ol className="plant-list">
              {queue.returning.map((item) => (
                <PlantQueueRow key={item.load.id} item={item} timeZone={plant.timeZone} now={now} />
              ))}
            </ol>
          )}
        </section>
        {shownLogPourId && (
          <section className="plant-panel" data-testid="plant-pour-log">
            {pours.length > 1 && (
              <label className="field">
                <span>{t('plant.logOf')}</span>
                <select
                  value={shownLogPourId}
                  data-testid="plant-log-pour"
                  onChange={(event) => setLogPourId(event.target.value)}
                >
                  {pours.map(([id, label]) => (
                    <option key={id} value={id}>
                      {label}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <PourLog key={shownLogPourId} pourId={shownLogPourId} />
          </section>
        )}
      </div>
    </div>
  );
}
