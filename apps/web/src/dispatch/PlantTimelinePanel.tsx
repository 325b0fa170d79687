import type { PlantDto } from '@pourline/contracts';
import { useState } from 'react';
import { useI18n } from '../i18n/useI18n';
import { PlantTimelineChart } from './PlantTimelineChart';

interface PlantTimelinePanelProps {
  plants: readonly PlantDto[];
}

/** The dispatch room's view of every plant's loading bays, one plant at a time. */
export function PlantTimelinePanel({ plants }: PlantTimelinePanelProps) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<string | null>(null);
  const plant = plants.find((candidate) => candidate.id === chosen) ?? plants[0];
  if (!plant) return null;
  return (
    <section className="op-timeline" data-testid="plant-timeline" aria-labelledby="op-timeline-title">
      <div className="op-section-head">
        <h2 id="op-timeline-title">{t('timeline.title')}</h2>
      </div>
      {plants.length > 1 && (
        <label className="field op-timeline-plant">
          <span>{t('plant.choose')}</span>
          <select
            data-testid="plant-timeline-plant"
            value={plant.id}
            onChange={(event) => setChosen(event.target.value)}
          >
            {plants.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.code} · {candidate.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <PlantTimelineChart key={plant.id} plant={plant} />
    </section>
  );
}
