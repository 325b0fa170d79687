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
import { QcReadingFields } from './QcReadingFields';
import { readingValue } from './readingInput';
import { useQcReadings } from './useQcReadings';
import { describeSchemaIssues } from '../api/issueWords';

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
  const { t } = useI18n();
  const api = useApi();
  const formId = useId();
  const { readings, unreadable, fields } = useQcReadings();
  const [remarks, setRemarks] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const limits = useMemo(() => qcLimits(pour, mix, rules), [pour, mix, rules]);
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
      return setError(describeSchemaIssues(request.error.issues, t));
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
        <QcReadingFields formId={formId} testIdPrefix="qc" slumpLabel={slumpLabel} limits={limits} {...fields} />
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
        disabled={sending || readings.slump.kind !== 'number' || preview.status === 'implausible'}
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
