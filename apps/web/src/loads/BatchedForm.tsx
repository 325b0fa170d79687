import type { BatchedRequest, BatchMaterial, LoadDto } from '@pourline/contracts';
import { type FormEvent, useState } from 'react';
import { useI18n } from '../i18n/useI18n';
import { instantToWallClock, wallClockToInstant } from '@pourline/domain';

interface BatchedFormProps {
  load: LoadDto;
  /** The plant's zone: batch times are read and typed on its wall clock. */
  timeZone: string;
  busy: boolean;
  large?: boolean;
  onSubmit: (body: BatchedRequest) => void;
  onCancel: () => void;
}

interface MaterialRow {
  material: string;
  actualKg: string;
}

const MAX_MATERIALS = 20;
const MAX_KG = 100_000;
const MAX_WATER_LITRES = 2_000;

/** A number typed in a field: empty is "not known", anything else must be a plain non-negative figure. */
function parseAmount(text: string, max: number): number | null | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed.replace(',', '.'));
  return Number.isFinite(value) && value >= 0 && value <= max ? value : 'invalid';
}

/**
 * "Batched": the batch ticket as the batching system printed it, as far as
 * it is known, and the load goes to plant QC. Every field may stay empty.
 */
export function BatchedForm({ load, timeZone, busy, large, onSubmit, onCancel }: BatchedFormProps) {
  const { t } = useI18n();
  const [batchedAt, setBatchedAt] = useState(() =>
    load.batchedAt ? instantToWallClock(load.batchedAt, timeZone) : '',
  );
  const [rows, setRows] = useState<MaterialRow[]>([]);
  const [water, setWater] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const materials: BatchMaterial[] = [];
    for (const row of rows) {
      if (row.material.trim() === '' && row.actualKg.trim() === '') continue;
      const actualKg = parseAmount(row.actualKg, MAX_KG);
      if (row.material.trim() === '' || actualKg === null || actualKg === 'invalid') {
        return setProblem(t('batch.invalidMaterial', { max: MAX_KG }));
      }
      materials.push({ material: row.material.trim(), actualKg });
    }
    const heldBack = parseAmount(water, MAX_WATER_LITRES);
    if (heldBack === 'invalid') return setProblem(t('batch.invalidWater', { max: MAX_WATER_LITRES }));
    const originalLocal = load.batchedAt ? instantToWallClock(load.batchedAt, timeZone) : '';
    let batchedAtIso: string | undefined;
    if (batchedAt && batchedAt !== originalLocal) {
      const iso = wallClockToInstant(batchedAt, timeZone);
      if (!iso) return setProblem(t('batch.invalidTime'));
      batchedAtIso = iso;
    }
    setProblem(null);
    onSubmit({
      materials,
      ...(heldBack !== null ? { waterHeldBackLitres: heldBack } : {}),
      ...(batchedAtIso ? { batchedAt: batchedAtIso } : {}),
    });
  };

  const setRow = (index: number, patch: Partial<MaterialRow>) =>
    setRows((current) => current.map((row, at) => (at === index ? { ...row, ...patch } : row)));

  return (
    <form className="dispatch-form dispatch-form--inline batch-form" onSubmit={submit} data-testid="batched-form">
      <p className="dispatch-form-title">{t('batch.title', { ticket: load.ticketNumber })}</p>
      <label className="field">
        <span>{t('batch.batchedAt')}</span>
        <input
          type="datetime-local"
          value={batchedAt}
          data-testid="batched-at"
          onChange={(event) => setBatchedAt(event.target.value)}
        />
      </label>
      <fieldset className="batch-materials">
        <legend>{t('batch.materials')}</legend>
        {rows.map((row, index) => (
          <div className="batch-material" key={index}>
            <input
              type="text"
              aria-label={t('batch.material')}
              placeholder={t('batch.material')}
              maxLength={60}
              value={row.material}
              data-testid={`batch-material-${index}`}
              onChange={(event) => setRow(index, { material: event.target.value })}
            />
            <input
              type="text"
              inputMode="decimal"
              aria-label={t('batch.actualKg')}
              placeholder={t('batch.actualKg')}
              value={row.actualKg}
              data-testid={`batch-kg-${index}`}
              onChange={(event) => setRow(index, { actualKg: event.target.value })}
            />
            <button
              type="button"
              className="button button--small button--ghost"
              aria-label={t('batch.removeMaterial')}
              onClick={() => setRows((current) => current.filter((_, at) => at !== index))}
            >
              ×
            </button>
          </div>
        ))}
        {rows.length < MAX_MATERIALS && (
          <button
            type="button"
            className="button button--small"
            data-testid="batch-add-material"
            onClick={() => setRows((current) => [...current, { material: '', actualKg: '' }])}
          >
            {t('batch.addMaterial')}
          </button>
        )}
      </fieldset>
      <label className="field">
        <span>{t('batch.waterHeldBack')}</span>
        <input
          type="text"
          inputMode="decimal"
          value={water}
          data-testid="batch-water-held-back"
          onChange={(event) => setWater(event.target.value)}
        />
      </label>
      {problem && (
        <p className="form-error" role="alert" data-testid="batched-problem">
          {problem}
        </p>
      )}
      <div className="action-row">
        <button
          type="submit"
          className={`button ${large ? 'button--large' : 'button--small'} button--primary`}
          data-testid="batched-submit"
          disabled={busy}
        >
          {t('batch.submit')}
        </button>
        <button type="button" className="button button--small button--ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
