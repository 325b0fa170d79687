import type { LoadDto, PourDto } from '@pourline/contracts';
import { useId } from 'react';
import { useI18n } from '../i18n/useI18n';
import { formatPlantClock } from '../pours/plantTime';
import { PourDocuments } from '../pours/PourDocuments';
import { PourLog } from '../pourlog/PourLog';
import { SpecimensPanel } from './SpecimensPanel';

interface QcPourSectionProps {
  pours: readonly PourDto[];
  /** The pour chosen, or the one of the load last picked; else the first pour under way. */
  pourId: string | null;
  onPourChange: (pourId: string) => void;
  loads: ReadonlyMap<string, LoadDto>;
  onDocumentsChanged: () => void;
}

const SHOWN: ReadonlySet<PourDto['status']> = new Set(['confirmed', 'ready', 'in_progress', 'completed']);
const UNDER_WAY_FIRST: Record<string, number> = { in_progress: 0, ready: 1, confirmed: 2, completed: 3 };

/** Specimens and pre-pour documents belong to a pour: pick it, then work on it. */
export function QcPourSection({ pours, pourId, onPourChange, loads, onDocumentsChanged }: QcPourSectionProps) {
  const { t, locale } = useI18n();
  const selectId = useId();
  const candidates = pours
    .filter((pour) => SHOWN.has(pour.status))
    .sort((a, b) => (UNDER_WAY_FIRST[a.status] ?? 9) - (UNDER_WAY_FIRST[b.status] ?? 9));
  const pour = candidates.find((candidate) => candidate.id === pourId) ?? candidates[0];

  return (
    <section className="qc-pour" aria-labelledby={`${selectId}-title`} data-testid="qc-pour" data-pour-id={pour?.id}>
      <div className="panel qc-pour-picker">
        <h2 id={`${selectId}-title`}>{t('qc.pour.title')}</h2>
        {pour ? (
          <label className="field" htmlFor={selectId}>
            <span className="visually-hidden">{t('qc.pour.choose')}</span>
            <select
              id={selectId}
              data-testid="qc-pour-select"
              value={pour.id}
              onChange={(event) => onPourChange(event.target.value)}
            >
              {candidates.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {formatPlantClock(candidate.scheduledStart, candidate.plantTimeZone, locale)} ·{' '}
                  {candidate.projectName} · {candidate.structuralElement} · {t(`status.${candidate.status}`)}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <p className="muted">{t('qc.pour.none')}</p>
        )}
      </div>
      {pour && (
        <div className="qc-pour-columns">
          <SpecimensPanel key={pour.id} pour={pour} loads={loads} />
          <div className="qc-documents" data-testid="qc-documents">
            <PourDocuments pour={pour} onDocumentsChanged={onDocumentsChanged} />
          </div>
        </div>
      )}
      {pour && <PourLog key={pour.id} pourId={pour.id} />}
    </section>
  );
}
