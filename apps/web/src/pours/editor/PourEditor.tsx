import type { PlanConfirmations, PourDto } from '@pourline/contracts';
import { useMemo, useState } from 'react';
import { ApiRequestError } from '../../api/ApiRequestError';
import { errorMessage } from '../../api/errorMessage';
import { describeFieldIssue, describeIssues } from '../../api/issueWords';
import { useApi } from '../../api/useApi';
import type { MessageKey } from '../../i18n/messages.en';
import { useI18n } from '../../i18n/useI18n';
import { usePour } from '../usePour';
import { createPour, updatePour } from './editorEndpoints';
import { PourEditorMap } from './PourEditorMap';
import { draftGeometryIssues, editorRefusal, geometryFieldIssues } from './planSanity';
import { PourPlanForm } from './PourPlanForm';
import { PumpClashConfirm } from './PumpClashConfirm';
import { changedFields, draftFromPour, emptyDraft, type PlanField, type PourDraft, validateDraft } from './pourDraft';
import { useEditorOptions } from './useEditorOptions';
import './editor.css';

interface PourEditorProps {
  /** Absent for a new pour. */
  pourId?: string;
  onSaved: (pourId: string) => void;
  onCancel: () => void;
}

/** `#/pours/new` and `#/pours/:id/edit`: the pour plan as a form and a map. */
export function PourEditor({ pourId, onSaved, onCancel }: PourEditorProps) {
  if (!pourId) return <PourEditorForm onSaved={onSaved} onCancel={onCancel} />;
  return <ExistingPourEditor pourId={pourId} onSaved={onSaved} onCancel={onCancel} />;
}

function ExistingPourEditor({ pourId, onSaved, onCancel }: Required<PourEditorProps>) {
  const { t } = useI18n();
  const { data: pour, error, loading, reload } = usePour(pourId);
  if (pour) return <PourEditorForm key={pour.id} pour={pour} onSaved={onSaved} onCancel={onCancel} />;
  return (
    <section className="pour-editor" data-testid="pour-editor" aria-busy={loading}>
      {loading && <p className="status-note">{t('app.loading')}</p>}
      {error !== undefined && !loading && (
        <div className="banner banner--error" role="alert">
          <span>{errorMessage(error, t)}</span>
          <button type="button" className="button" onClick={reload}>
            {t('common.retry')}
          </button>
        </div>
      )}
    </section>
  );
}

const FIELD_LABELS: Record<PlanField, MessageKey> = {
  projectId: 'editor.project',
  plantId: 'editor.plant',
  structuralElement: 'editor.element',
  scheduledStart: 'editor.scheduledStartShort',
  volumeM3: 'editor.volume',
  pourRateM3PerHour: 'editor.rate',
  startPoint: 'editor.startPoint',
  endPoint: 'editor.endPoint',
  direction: 'editor.direction',
  pumpId: 'editor.pump',
  pumpPosition: 'editor.pumpPosition',
  pumpingMethod: 'editor.pumpingMethod',
  entryRoute: 'editor.entryRoute',
  exitRoute: 'editor.exitRoute',
  truckCount: 'editor.trucks',
  mixId: 'editor.mix',
  slumpTargetMm: 'editor.slumpTarget',
  slumpToleranceMm: 'editor.slumpTolerance',
  initialSettingMinutes: 'editor.initialSetting',
  requiredDocumentTypes: 'editor.requiredDocuments',
  notes: 'editor.notes',
};

interface PourEditorFormProps {
  pour?: PourDto;
  onSaved: (pourId: string) => void;
  onCancel: () => void;
}

function PourEditorForm({ pour, onSaved, onCancel }: PourEditorFormProps) {
  const { t, formatNumber } = useI18n();
  const api = useApi();
  const options = useEditorOptions();
  const [draft, setDraft] = useState<PourDraft>(() => (pour ? draftFromPour(pour) : emptyDraft()));
  // A loaded plan is shown with all its faults at once; a new one only where the person has been.
  const [touched, setTouched] = useState<ReadonlySet<PlanField>>(() => new Set());
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<unknown>(undefined);

  const plant = options.plants?.find((candidate) => candidate.id === draft.plantId);
  const project = options.projects?.find((candidate) => candidate.id === draft.projectId);
  const plantTimeZone = plant?.timeZone ?? (pour && draft.plantId === pour.plantId ? pour.plantTimeZone : undefined);
  const requiredMessage = t('editor.required');
  const validation = useMemo(
    () => validateDraft(draft, plantTimeZone, requiredMessage, (issue) => describeFieldIssue(issue, t)),
    [draft, plantTimeZone, requiredMessage, t],
  );
  // The plan sanity rules the API applies on save, judged here first with the plant's own numbers.
  const geometryIssues = useMemo(() => draftGeometryIssues(draft, project, plant, pour), [draft, project, plant, pour]);
  const refusal = editorRefusal(serverError);
  const refusedFields = new Set<PlanField>(
    refusal?.kind === 'geometry' ? refusal.facts.issues.map((issue) => issue.field) : refusal ? ['pumpId'] : [],
  );
  const issues = {
    ...geometryFieldIssues(geometryIssues, t, formatNumber),
    ...(refusal?.kind === 'geometry' ? geometryFieldIssues(refusal.facts.issues, t, formatNumber) : {}),
    ...(refusal?.kind === 'pump_clash'
      ? { pumpId: t('editor.sanity.pumpClash', { pump: refusal.facts.pumpCode }) }
      : {}),
    // The schema's complaint comes first: a point that is not a point is not "far".
    ...validation.issues,
  };
  const valid = validation.valid && geometryIssues.length === 0;
  const showIssue = (field: PlanField) => pour !== undefined || touched.has(field) || refusedFields.has(field);
  const missing = (Object.keys(validation.issues) as PlanField[]).map((field) => t(FIELD_LABELS[field]));

  const change = (next: PourDraft, ...fields: PlanField[]) => {
    setDraft(next);
    setTouched((previous) => new Set([...previous, ...fields]));
    setServerError(undefined);
  };

  /** `confirm` carries what the person goes ahead with despite a refusal, and why. */
  const save = async (confirm?: PlanConfirmations) => {
    if (!validation.valid || !valid || saving) return;
    setSaving(true);
    setServerError(undefined);
    const confirmed = confirm ? { confirm } : {};
    try {
      if (!pour) {
        onSaved((await createPour(api, { ...validation.request, ...confirmed })).id);
        return;
      }
      const patch = changedFields(pour, validation.request);
      if (Object.keys(patch).length > 0) await updatePour(api, pour.id, { ...patch, ...confirmed });
      onSaved(pour.id);
    } catch (error) {
      setServerError(error);
      setSaving(false);
    }
  };

  // A plan sanity refusal is told beside its fields, a refused request issue by issue, in the reader's language.
  const requestIssues = serverError instanceof ApiRequestError && !refusal ? serverError.issues : undefined;
  const details = requestIssues?.length
    ? describeIssues(requestIssues, t)
    : serverError instanceof ApiRequestError && serverError.statusCode === 400 && !refusal
      ? serverError.details
      : undefined;
  const serverMessage =
    refusal?.kind === 'geometry'
      ? t('editor.sanity.geometryRefused')
      : refusal?.kind === 'pump_clash'
        ? t('editor.sanity.pumpClash', { pump: refusal.facts.pumpCode })
        : requestIssues?.length
          ? t('apiError.invalid_input')
          : errorMessage(serverError, t);

  return (
    <section className="pour-editor" data-testid="pour-editor" data-pour-id={pour?.id} aria-labelledby="editor-title">
      <div className="detail-header">
        <button
          type="button"
          className="button button--ghost back-button"
          data-testid="editor-cancel"
          onClick={onCancel}
        >
          <span aria-hidden="true">←</span> {t('common.cancel')}
        </button>
        <div className="detail-heading">
          <h1 id="editor-title">{pour ? t('editor.titleEdit') : t('editor.titleNew')}</h1>
          {pour && (
            <p className="detail-subtitle">
              {pour.structuralElement} · {pour.projectName} · {t(`status.${pour.status}`)}
            </p>
          )}
        </div>
      </div>
      {options.error !== undefined && (
        <div className="banner banner--error" role="alert">
          <span>{t('editor.optionsError', { message: errorMessage(options.error, t) })}</span>
          <button type="button" className="button" onClick={options.reload}>
            {t('common.retry')}
          </button>
        </div>
      )}
      <form
        className="editor-layout"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <div className="panel editor-form-panel">
          <PourPlanForm
            draft={draft}
            options={options}
            plantTimeZone={plantTimeZone}
            issues={issues}
            showIssue={showIssue}
            onChange={change}
            pumpClash={
              refusal?.kind === 'pump_clash' && (
                <PumpClashConfirm
                  facts={refusal.facts}
                  timeZone={plantTimeZone ?? 'UTC'}
                  saving={saving}
                  onConfirm={(reason) => void save({ pumpClash: reason })}
                />
              )
            }
          />
          {serverError !== undefined && (
            <div
              className="form-error"
              role="alert"
              data-testid="editor-server-error"
              data-code={serverError instanceof ApiRequestError ? serverError.code : undefined}
            >
              <span>{serverMessage}</span>
              {details && details.length > 0 && (
                <ul>
                  {details.map((detail) => (
                    <li key={detail}>{detail}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
          <div className="editor-actions">
            {!validation.valid && (
              <p className="muted editor-missing" data-testid="editor-missing">
                {t('editor.missing', { fields: missing.join(', ') })}
              </p>
            )}
            <button type="button" className="button" onClick={onCancel} disabled={saving}>
              {t('common.cancel')}
            </button>
            <button
              type="submit"
              className="button button--primary"
              data-testid="editor-save"
              disabled={!valid || saving}
            >
              {saving ? t('editor.saving') : pour ? t('editor.saveChanges') : t('editor.create')}
            </button>
          </div>
        </div>
        <div className="editor-map-column">
          <PourEditorMap
            draft={draft}
            project={project}
            plant={plant}
            issues={issues}
            showIssue={showIssue}
            onChange={(patch) => change({ ...draft, ...patch }, ...(Object.keys(patch) as PlanField[]))}
          />
        </div>
      </form>
    </section>
  );
}
