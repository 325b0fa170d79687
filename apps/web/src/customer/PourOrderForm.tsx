import { CreatePourOrderRequest, type PourOrderDto, type ProjectDto } from '@pourline/contracts';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/useI18n';
import { createPourOrder } from './customerEndpoints';
import { FormError } from './FormError';
import { describeSchemaIssues } from '../api/issueWords';

interface PourOrderFormProps {
  projects: readonly ProjectDto[];
  onCreated: (order: PourOrderDto) => void;
  onCancel: () => void;
}

/** The construction party asks for a pour: what, how much, when, which concrete, and whether it needs a pump. */
export function PourOrderForm({ projects, onCreated, onCancel }: PourOrderFormProps) {
  const { t } = useI18n();
  const api = useApi();
  const [projectId, setProjectId] = useState(projects[0]?.id ?? '');
  const [structuralElement, setElement] = useState('');
  const [volumeM3, setVolume] = useState('');
  const [wantedStart, setWantedStart] = useState('');
  const [strengthGrade, setGrade] = useState('C30');
  const [slumpMm, setSlump] = useState('180');
  const [pumpWanted, setPumpWanted] = useState(true);
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const request = CreatePourOrderRequest.safeParse({
      projectId,
      structuralElement,
      volumeM3: Number(volumeM3),
      wantedStart: wantedStart ? new Date(wantedStart).toISOString() : '',
      strengthGrade,
      slumpMm: Number(slumpMm),
      pumpWanted,
      notes,
    });
    if (!request.success) {
      setError(describeSchemaIssues(request.error.issues, t));
      return;
    }
    try {
      onCreated(await createPourOrder(api, request.data));
    } catch (caught) {
      setError(errorMessage(caught, t));
    }
  }

  return (
    <form
      className="customer-card customer-order-form"
      onSubmit={(event) => void submit(event)}
      data-testid="pour-order-form"
    >
      <h2>{t('order.title')}</h2>
      <label className="field">
        <span>{t('order.project')}</span>
        <select value={projectId} onChange={(event) => setProjectId(event.target.value)}>
          {projects.map((project) => (
            <option key={project.id} value={project.id}>
              {project.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('order.element')}</span>
        <input
          value={structuralElement}
          onChange={(event) => setElement(event.target.value)}
          required
          maxLength={200}
          name="element"
        />
      </label>
      <div className="customer-row">
        <label className="field">
          <span>{t('order.volume')}</span>
          <input
            type="number"
            inputMode="decimal"
            min="0.5"
            step="0.5"
            value={volumeM3}
            onChange={(event) => setVolume(event.target.value)}
            required
            name="volume"
          />
        </label>
        <label className="field">
          <span>{t('order.grade')}</span>
          <select value={strengthGrade} onChange={(event) => setGrade(event.target.value)}>
            {['C15', 'C20', 'C25', 'C30', 'C35', 'C40', 'C45', 'C50', 'C55', 'C60'].map((grade) => (
              <option key={grade}>{grade}</option>
            ))}
          </select>
        </label>
      </div>
      <label className="field">
        <span>{t('order.wantedStart')}</span>
        <input
          type="datetime-local"
          value={wantedStart}
          onChange={(event) => setWantedStart(event.target.value)}
          required
          name="wantedStart"
        />
      </label>
      <div className="customer-row">
        <label className="field">
          <span>{t('order.slump')}</span>
          <input
            type="number"
            inputMode="numeric"
            min="10"
            max="800"
            value={slumpMm}
            onChange={(event) => setSlump(event.target.value)}
            required
          />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={pumpWanted} onChange={(event) => setPumpWanted(event.target.checked)} />
          {t('order.pump')}
        </label>
      </div>
      <label className="field">
        <span>{t('order.notes')}</span>
        <textarea value={notes} onChange={(event) => setNotes(event.target.value)} rows={2} maxLength={1000} />
      </label>
      <FormError message={error} />
      <div className="customer-actions">
        <button type="submit" className="button button--primary" data-testid="pour-order-submit">
          {t('order.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
