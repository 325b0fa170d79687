import {
  type LoadDto,
  type MixDto,
  type PourDto,
  type QcStage,
  type QcTestDto,
  RecordQcTestRequest,
} from '@pourline/contracts';
import type { RuleSet } from '@pourline/domain';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/useI18n';
import { recordQcTest } from './qcEndpoints';
import { isStaleLoadConflict, qcErrorMessage } from './qcErrorMessage';
import { previewQcTest, qcLimits } from './qcPreview';
import { QcPreviewBox } from './QcPreviewBox';
import { parseReading, readingValue } from './readingInput';

interface QcTestFormProps {
  load: LoadDto;
  pour: PourDto;
  mix: MixDto;
  rules: RuleSet;
  stage: QcStage;
  /** Set for the check test on the same sample. */
  checkTestOf: string | null;
  onRecorded: (test: QcTestDto) => void;
  /** The API knows something this device does not (a check test due, the load moved on). */
  onStale: () => void;
}

/** Slump (or slump flow), temperature, air when the mix is air-entrained, and the verdict as it is typed. */
export function QcTestForm({ load, pour, mix, rules, stage, checkTestOf, onRecorded, onStale }: QcTestFormProps) {
  const { t, formatNumber } = useI18n();
  const api = useApi();
  const formId = useId();
  const [slump, setSlump] = useState('');
  const [temperature, setTemperature] = useState('');
  const [air, setAir] = useState('');
  const [remarks, setRemarks] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const limits = useMemo(() => qcLimits(pour, mix, rules), [pour, mix, rules]);
  const readings = {
    slump: parseReading(slump),
    temperature: parseReading(temperature),
    air: parseReading(air),
  };
  const unreadable = Object.values(readings).some((reading) => reading.kind === 'invalid');
  const preview = previewQcTest({
    stage,
    checkTest: checkTestOf !== null,
    load,
    pour,
    mix,
    rules,
    readings: {
      slumpMm: readingValue(readings.slump),
      temperatureC: readingValue(readings.temperature),
      airPercent: limits.air ? readingValue(readings.air) : null,
    },
    testedAt: new Date(),
  });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (unreadable) return setError(t('qc.form.unreadable'));
    const request = RecordQcTestRequest.safeParse({
      stage,
      slumpMm: readingValue(readings.slump) ?? undefined,
      temperatureC: readingValue(readings.temperature),
      airPercent: limits.air ? readingValue(readings.air) : null,
      remarks,
      checkTestOf: checkTestOf ?? undefined,
    });
    if (!request.success) {
      return setError(
        request.error.issues.map((issue) => `${t(fieldLabel(issue.path[0]))}: ${issue.message}`).join('; '),
      );
    }
    setSending(true);
    setError(null);
    try {
      onRecorded(await recordQcTest(api, load.id, request.data));
    } catch (failure) {
      setError(qcErrorMessage(failure, t));
      if (isStaleLoadConflict(failure)) onStale();
    } finally {
      setSending(false);
    }
  }

  const slumpLabel = limits.slumpKind === 'slump_flow' ? t('qc.form.slumpFlow') : t('qc.form.slump');
  const rejects = preview.status === 'ready' && preview.outcome === 'rejected';

  return (
    <form className="qc-test-form" data-testid="qc-test-form" onSubmit={submit} noValidate>
      <div className="qc-fields">
        <label className="field qc-field" htmlFor={`${formId}-slump`}>
          <span>{slumpLabel} (mm)</span>
          <input
            id={`${formId}-slump`}
            data-testid="qc-slump"
            className="qc-input"
            inputMode="numeric"
            autoComplete="off"
            enterKeyHint="next"
            value={slump}
            aria-invalid={readings.slump.kind === 'invalid'}
            onChange={(event) => setSlump(event.target.value)}
          />
          <small className="qc-hint">
            {t('qc.form.slumpWindow', {
              target: formatNumber(limits.targetSlumpMm, 0),
              tolerance: formatNumber(limits.slumpToleranceMm, 0),
              min: formatNumber(limits.minSlumpMm, 0),
              max: formatNumber(limits.maxSlumpMm, 0),
            })}
          </small>
        </label>
        <label className="field qc-field" htmlFor={`${formId}-temperature`}>
          <span>{t('qc.form.temperature')} (°C)</span>
          <input
            id={`${formId}-temperature`}
            data-testid="qc-temperature"
            className="qc-input"
            inputMode="decimal"
            autoComplete="off"
            value={temperature}
            aria-invalid={readings.temperature.kind === 'invalid'}
            onChange={(event) => setTemperature(event.target.value)}
          />
          <small className="qc-hint">
            {t('qc.form.temperatureWindow', {
              min: formatNumber(limits.minTemperatureC),
              max: formatNumber(limits.maxTemperatureC),
            })}
          </small>
        </label>
        {limits.air && (
          <label className="field qc-field" htmlFor={`${formId}-air`}>
            <span>{t('qc.form.air')} (%)</span>
            <input
              id={`${formId}-air`}
              data-testid="qc-air"
              className="qc-input"
              inputMode="decimal"
              autoComplete="off"
              value={air}
              aria-invalid={readings.air.kind === 'invalid'}
              onChange={(event) => setAir(event.target.value)}
            />
            <small className="qc-hint">
              {t('qc.form.airWindow', {
                target: formatNumber(limits.air.targetPercent),
                tolerance: formatNumber(limits.air.tolerancePercentagePoints),
              })}
            </small>
          </label>
        )}
      </div>
      <label className="field">
        <span>{t('qc.form.remarks')}</span>
        <textarea rows={2} maxLength={2000} value={remarks} onChange={(event) => setRemarks(event.target.value)} />
      </label>
      <QcPreviewBox preview={preview} unreadable={unreadable} />
      {error && (
        <p className="form-error" role="alert" data-testid="qc-error">
          {error}
        </p>
      )}
      <button
        type="submit"
        className={`button button--block qc-submit ${rejects ? 'button--danger-solid' : 'button--primary'}`}
        data-testid="qc-submit"
        disabled={sending || readings.slump.kind !== 'number'}
      >
        {sending
          ? t('qc.working')
          : rejects
            ? t('qc.form.submitRejects')
            : checkTestOf
              ? t('qc.form.submitCheck')
              : t('qc.form.submit')}
      </button>
    </form>
  );
}

function fieldLabel(field: PropertyKey | undefined) {
  switch (field) {
    case 'temperatureC':
      return 'qc.form.temperature' as const;
    case 'airPercent':
      return 'qc.form.air' as const;
    case 'remarks':
      return 'qc.form.remarks' as const;
    default:
      return 'qc.form.slump' as const;
  }
}
