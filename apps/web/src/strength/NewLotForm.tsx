import { CreateInspectionLotRequest, type InspectionLotDto, type PlantDto } from '@pourline/contracts';
import { type FormEvent, useMemo, useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import { useApi } from '../api/useApi';
import { useApiResource } from '../api/useApiResource';
import { useI18n } from '../i18n/useI18n';
import { formatPlantTime } from '../pours/plantTime';
import { createLot, listPoursOfProject, listProjectsOfPlant } from './strengthEndpoints';

interface NewLotFormProps {
  plant: PlantDto;
  /** Lots already defined: their pours are taken. */
  lots: readonly InspectionLotDto[];
  onCancel: () => void;
  onCreated: (lot: InspectionLotDto) => void;
}

/** A lot is named by its pours: one project, one mix, pours no other lot holds. */
export function NewLotForm({ plant, lots, onCancel, onCreated }: NewLotFormProps) {
  const { t, locale } = useI18n();
  const api = useApi();
  const projects = useApiResource(`lot-projects:${plant.id}`, (signal) => listProjectsOfPlant(api, plant.id, signal));
  const [projectId, setProjectId] = useState('');
  const chosenProject = projectId || projects.data?.[0]?.id || '';
  const pours = useApiResource(`lot-pours:${chosenProject}`, (signal) =>
    chosenProject ? listPoursOfProject(api, chosenProject, signal) : Promise.resolve([]),
  );
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const taken = useMemo(() => new Set(lots.flatMap((lot) => lot.pours.map((pour) => pour.id))), [lots]);
  const free = (pours.data ?? []).filter((pour) => !taken.has(pour.id) && pour.status !== 'cancelled');
  const mixOfChosen = free.find((pour) => pour.id === chosen[0])?.mixId;

  const toggle = (pourId: string) =>
    setChosen((current) => (current.includes(pourId) ? current.filter((id) => id !== pourId) : [...current, pourId]));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const request = CreateInspectionLotRequest.safeParse({ name, pourIds: chosen });
    if (!request.success) return setError(t('strength.lotForm.needs'));
    setSaving(true);
    setError(null);
    try {
      onCreated(await createLot(api, request.data));
    } catch (failure) {
      setError(errorMessage(failure, t));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="strength-lot-form" data-testid="strength-lot-form" onSubmit={(event) => void submit(event)}>
      <h3>{t('strength.lotForm.title')}</h3>
      <label className="field">
        <span className="field-label">{t('strength.lotForm.name')}</span>
        <input
          data-testid="strength-lot-name"
          value={name}
          maxLength={200}
          placeholder={t('strength.lotForm.namePlaceholder')}
          onChange={(event) => setName(event.target.value)}
        />
      </label>
      <label className="field">
        <span className="field-label">{t('strength.lotForm.project')}</span>
        <select
          data-testid="strength-lot-project"
          value={chosenProject}
          onChange={(event) => {
            setProjectId(event.target.value);
            setChosen([]);
          }}
        >
          {(projects.data ?? []).map((project) => (
            <option key={project.id} value={project.id}>
              {project.name}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="strength-lot-pours">
        <legend className="field-label">{t('strength.lotForm.pours')}</legend>
        {pours.data && free.length === 0 && <p className="muted">{t('strength.lotForm.noPours')}</p>}
        {free.map((pour) => {
          const otherMix = mixOfChosen !== undefined && pour.mixId !== mixOfChosen;
          return (
            <label key={pour.id} className={`strength-lot-pour${otherMix ? ' muted' : ''}`}>
              <input
                type="checkbox"
                data-testid="strength-lot-pour"
                data-pour-id={pour.id}
                checked={chosen.includes(pour.id)}
                disabled={otherMix}
                onChange={() => toggle(pour.id)}
              />
              <span>
                {pour.structuralElement} ·{' '}
                {formatPlantTime(pour.scheduledStart, plant.timeZone, locale, { dateStyle: 'medium' })}
                {otherMix && ` · ${t('strength.lotForm.otherMix')}`}
              </span>
            </label>
          );
        })}
      </fieldset>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="action-row">
        <button type="submit" className="button button--primary" data-testid="strength-lot-submit" disabled={saving}>
          {t('strength.lotForm.submit')}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
