import { PUMPING_METHODS } from '@pourline/contracts';
import { DOCUMENT_TYPES } from '@pourline/domain';
import type { ChangeEvent, ReactNode } from 'react';
import { useI18n } from '../../i18n/useI18n';
import { documentTypeLabel } from '../documentTypeLabel';
import { plantZoneName } from '../plantTime';
import { EditorField } from './EditorField';
import { applyMix, type FieldIssues, type PlanField, type PourDraft, type PumpingMethod } from './pourDraft';
import type { EditorOptions } from './useEditorOptions';

interface PourPlanFormProps {
  draft: PourDraft;
  options: EditorOptions;
  plantTimeZone: string | undefined;
  issues: FieldIssues;
  showIssue: (field: PlanField) => boolean;
  onChange: (draft: PourDraft, touched: PlanField) => void;
  /** The pours that already hold the chosen pump, when a save was refused for it. */
  pumpClash?: ReactNode;
}

type TextDraftField = {
  [K in keyof PourDraft]: PourDraft[K] extends string ? K : never;
}[keyof PourDraft];

const PUMP_METHOD_OF_KIND = { boom: 'boom_pump', line: 'line_pump' } as const satisfies Record<string, PumpingMethod>;

/** Every plan field but the geometry, which is placed on the map beside it. */
export function PourPlanForm({
  draft,
  options,
  plantTimeZone,
  issues,
  showIssue,
  onChange,
  pumpClash,
}: PourPlanFormProps) {
  const { t, locale } = useI18n();
  const issue = (field: PlanField) => (showIssue(field) ? issues[field] : undefined);
  const aria = (field: PlanField) =>
    issue(field) ? { 'aria-invalid': true, 'aria-describedby': `editor-error-${field}` } : {};
  const input = (field: TextDraftField, planField: PlanField = field as PlanField) => ({
    value: draft[field],
    'data-testid': `editor-field-${planField}`,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      onChange({ ...draft, [field]: event.target.value }, planField),
    ...aria(planField),
  });
  const choose = <option value="">{t('editor.choose')}</option>;
  const zoneLabel = plantTimeZone
    ? t('editor.scheduledStart', {
        zone: `${plantTimeZone}, ${plantZoneName(new Date().toISOString(), plantTimeZone, locale)}`,
      })
    : t('editor.scheduledStartNoPlant');

  return (
    <div className="editor-form-grid">
      <EditorField field="projectId" label={t('editor.project')} issue={issue('projectId')} wide>
        <select
          {...input('projectId')}
          onChange={(event) => {
            const project = options.projects?.find((candidate) => candidate.id === event.target.value);
            // A project's own plant is the usual supplier; the dispatcher may still pick another.
            onChange(
              { ...draft, projectId: event.target.value, plantId: draft.plantId || project?.plantId || '' },
              'projectId',
            );
          }}
        >
          {choose}
          {options.projects?.map((project) => (
            <option key={project.id} value={project.id}>
              {project.name} · {project.customerName}
            </option>
          ))}
        </select>
      </EditorField>
      <EditorField field="plantId" label={t('editor.plant')} issue={issue('plantId')}>
        <select {...input('plantId')}>
          {choose}
          {options.plants?.map((plant) => (
            <option key={plant.id} value={plant.id}>
              {plant.code} · {plant.name}
            </option>
          ))}
        </select>
      </EditorField>
      <EditorField field="structuralElement" label={t('editor.element')} issue={issue('structuralElement')}>
        <input
          type="text"
          maxLength={200}
          placeholder={t('editor.elementPlaceholder')}
          {...input('structuralElement')}
        />
      </EditorField>
      <EditorField field="scheduledStart" label={zoneLabel} issue={issue('scheduledStart')}>
        <input type="datetime-local" {...input('scheduledStartLocal', 'scheduledStart')} />
      </EditorField>
      <EditorField field="volumeM3" label={t('editor.volume')} issue={issue('volumeM3')}>
        <input type="number" inputMode="decimal" min={0} step="any" {...input('volumeM3')} />
      </EditorField>
      <EditorField field="pourRateM3PerHour" label={t('editor.rate')} issue={issue('pourRateM3PerHour')}>
        <input type="number" inputMode="decimal" min={0} step="any" {...input('pourRateM3PerHour')} />
      </EditorField>
      <EditorField field="direction" label={t('editor.direction')} issue={issue('direction')}>
        <input type="text" maxLength={200} placeholder={t('editor.directionPlaceholder')} {...input('direction')} />
      </EditorField>
      <EditorField field="pumpId" label={t('editor.pump')} issue={issue('pumpId')}>
        <select
          {...input('pumpId')}
          onChange={(event) => {
            const pump = options.pumps?.find((candidate) => candidate.id === event.target.value);
            const pumpingMethod = draft.pumpingMethod || (pump ? PUMP_METHOD_OF_KIND[pump.kind] : '');
            onChange({ ...draft, pumpId: event.target.value, pumpingMethod }, 'pumpId');
          }}
        >
          <option value="">{t('editor.noPump')}</option>
          {options.pumps
            ?.filter((pump) => pump.active || pump.id === draft.pumpId)
            .map((pump) => (
              <option key={pump.id} value={pump.id}>
                {pump.code} · {t(`editor.pumpKind.${pump.kind}`)} · {pump.capacityM3PerHour} m³/h
              </option>
            ))}
        </select>
      </EditorField>
      {pumpClash}
      <EditorField field="pumpingMethod" label={t('editor.pumpingMethod')} issue={issue('pumpingMethod')}>
        <select {...input('pumpingMethod')}>
          {choose}
          {PUMPING_METHODS.map((method) => (
            <option key={method} value={method}>
              {t(`pumping.${method}`)}
            </option>
          ))}
        </select>
      </EditorField>
      <EditorField field="truckCount" label={t('editor.trucks')} issue={issue('truckCount')}>
        <input type="number" inputMode="numeric" min={1} step={1} {...input('truckCount')} />
      </EditorField>
      <EditorField field="mixId" label={t('editor.mix')} issue={issue('mixId')} wide>
        <select
          {...input('mixId')}
          onChange={(event) => {
            const mix = options.mixes?.find((candidate) => candidate.id === event.target.value);
            const plant = options.plants?.find((candidate) => candidate.id === draft.plantId);
            onChange(mix ? applyMix(draft, mix, plant) : { ...draft, mixId: event.target.value }, 'mixId');
          }}
        >
          {choose}
          {options.mixes?.map((mix) => (
            <option key={mix.id} value={mix.id}>
              {mix.code} · {mix.strengthGrade} · {mix.targetSlumpMm} mm{mix.description ? ` · ${mix.description}` : ''}
            </option>
          ))}
        </select>
      </EditorField>
      <EditorField field="slumpTargetMm" label={t('editor.slumpTarget')} issue={issue('slumpTargetMm')}>
        <input type="number" inputMode="numeric" min={0} step={5} {...input('slumpTargetMm')} />
      </EditorField>
      <EditorField field="slumpToleranceMm" label={t('editor.slumpTolerance')} issue={issue('slumpToleranceMm')}>
        <input type="number" inputMode="numeric" min={1} step={5} {...input('slumpToleranceMm')} />
      </EditorField>
      <EditorField
        field="initialSettingMinutes"
        label={t('editor.initialSetting')}
        issue={issue('initialSettingMinutes')}
      >
        <input type="number" inputMode="numeric" min={30} step={10} {...input('initialSettingMinutes')} />
      </EditorField>
      <fieldset
        className="field editor-field editor-field--wide editor-documents"
        data-testid="editor-field-requiredDocumentTypes"
      >
        <legend>{t('editor.requiredDocuments')}</legend>
        <div className="editor-checkboxes">
          {DOCUMENT_TYPES.map((type) => (
            <label key={type} className="editor-checkbox">
              <input
                type="checkbox"
                data-testid={`editor-doc-${type}`}
                checked={draft.requiredDocumentTypes.includes(type)}
                onChange={(event) => {
                  const chosen = new Set(draft.requiredDocumentTypes);
                  if (event.target.checked) chosen.add(type);
                  else chosen.delete(type);
                  const requiredDocumentTypes = DOCUMENT_TYPES.filter((candidate) => chosen.has(candidate));
                  onChange({ ...draft, requiredDocumentTypes }, 'requiredDocumentTypes');
                }}
              />
              <span>{documentTypeLabel(type, t)}</span>
            </label>
          ))}
        </div>
        {issue('requiredDocumentTypes') && (
          <span className="editor-error" data-testid="editor-error-requiredDocumentTypes">
            {issue('requiredDocumentTypes')}
          </span>
        )}
      </fieldset>
      <EditorField field="notes" label={t('editor.notes')} issue={issue('notes')} wide>
        <textarea rows={3} maxLength={4000} {...input('notes')} />
      </EditorField>
    </div>
  );
}
