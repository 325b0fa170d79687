import { type LoadDto, type MixDto, type PourDto, type QcStage, RecordQcTestRequest } from '@pourline/contracts';
import type { RuleSet } from '@pourline/domain';
import { type FormEvent, type ReactNode, useId, useMemo, useState } from 'react';
import { describeSchemaIssues } from '../api/issueWords';
import { useI18n } from '../i18n/useI18n';
import { previewQcTest, qcLimits } from './qcPreview';
import { QcPreviewBox } from './QcPreviewBox';
import { QcReadingFields } from './QcReadingFields';
import { readingValue } from './readingInput';
import { useQcReadings } from './useQcReadings';

interface SlumpTestFormProps {
  stage: QcStage;
  load: LoadDto;
  pour: PourDto;
  /** Null until the mixes and plants have been fetched once: the test can still be sent, unpreviewed. */
  mix: MixDto | null;
  rules: RuleSet | null;
  /** Set for the check test on the same sample. */
  checkTestOf: string | null;
  /** `qc` in the inspector's view, `site-test` on the site tablet: every test id in the form follows it. */
  testIdPrefix: 'qc' | 'site-test';
  formTestId: string;
  className: string;
  submitClassName: string;
  withRemarks: boolean;
  /** What the verdict is judged at: a test waiting to be sent is judged at the time it was taken. */
  testedAt: Date | null;
  /** While the test is on its way: the readings are frozen and this shows in the submit button. */
  working: ReactNode | null;
  /** Why the server did not take the last test, in words. */
  refusal: string | null;
  onSubmit: (request: RecordQcTestRequest) => void;
  onCancel?: () => void;
}

/**
 * The slump test as the QC inspector and the site enter it: slump (or slump
 * flow), temperature, air when the mix is air-entrained, the rules' verdict as
 * it is typed, and one more tap before a test that rejects the load is sent.
 * Where it goes (the API at once, or the site's outbox) is the caller's.
 */
export function SlumpTestForm(props: SlumpTestFormProps) {
  const { stage, load, pour, mix, rules, checkTestOf, testIdPrefix: prefix, working, refusal } = props;
  const { t } = useI18n();
  const formId = useId();
  const { readings, unreadable, fields } = useQcReadings();
  const [remarks, setRemarks] = useState('');
  const [error, setError] = useState<string | null>(null);
  // The readings a rejection was confirmed for; typing anything else asks again.
  const [confirmedFor, setConfirmedFor] = useState<string | null>(null);

  const limits = useMemo(() => (mix && rules ? qcLimits(pour, mix, rules) : null), [pour, mix, rules]);
  const airPercent = limits?.air ? readingValue(readings.air) : null;
  const preview =
    mix && rules
      ? previewQcTest({
          stage,
          checkTest: checkTestOf !== null,
          load,
          pour,
          mix,
          rules,
          readings: {
            slumpMm: readingValue(readings.slump),
            temperatureC: readingValue(readings.temperature),
            airPercent,
          },
          testedAt: props.testedAt ?? new Date(),
        })
      : null;
  const rejects = preview?.status === 'ready' && preview.outcome === 'rejected';
  const readingsKey = JSON.stringify([fields.slump, fields.temperature, fields.air, checkTestOf]);
  const confirming = rejects && confirmedFor === readingsKey;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (working !== null) return;
    if (unreadable) return setError(t('qc.form.unreadable'));
    const request = RecordQcTestRequest.safeParse({
      stage,
      slumpMm: readingValue(readings.slump) ?? undefined,
      temperatureC: readingValue(readings.temperature),
      airPercent,
      ...(props.withRemarks ? { remarks } : {}),
      checkTestOf: checkTestOf ?? undefined,
    });
    if (!request.success) {
      return setError(describeSchemaIssues(request.error.issues, t));
    }
    setError(null);
    if (rejects && !confirming) return setConfirmedFor(readingsKey);
    setConfirmedFor(null);
    props.onSubmit(request.data);
  }

  const slumpLabel = limits?.slumpKind === 'slump_flow' ? t('qc.form.slumpFlow') : t('qc.form.slump');
  const cannotSend = readings.slump.kind !== 'number' || preview?.status === 'implausible';
  const shownError = error ?? refusal;

  return (
    <form
      className={props.className}
      data-testid={props.formTestId}
      data-check-test-of={checkTestOf ?? undefined}
      onSubmit={submit}
      noValidate
    >
      {checkTestOf && <p className="notice qc-check-notice">{t('qc.form.checkNotice')}</p>}
      <fieldset className="qc-fields" disabled={working !== null}>
        <QcReadingFields formId={formId} testIdPrefix={prefix} slumpLabel={slumpLabel} limits={limits} {...fields} />
      </fieldset>
      {props.withRemarks && (
        <label className="field">
          <span>{t('qc.form.remarks')}</span>
          <textarea
            rows={2}
            maxLength={2000}
            value={remarks}
            disabled={working !== null}
            onChange={(event) => setRemarks(event.target.value)}
          />
        </label>
      )}
      {preview ? (
        <QcPreviewBox preview={preview} unreadable={unreadable} />
      ) : (
        <p className="notice" role="status">
          {t('site.slumpTest.noRules')}
        </p>
      )}
      {shownError && (
        <p className="form-error" role="alert" data-testid={`${prefix}-error`}>
          {shownError}
        </p>
      )}
      {confirming ? (
        <div className="qc-confirm-reject" role="alert" data-testid={`${prefix}-confirm`}>
          <p>
            <strong>{t('qc.form.confirmReject.title')}</strong> {t('qc.form.confirmReject.detail')}
          </p>
          <div className="qc-form-buttons">
            <button
              type="submit"
              className={`button button--danger-solid ${props.submitClassName}`}
              data-testid={`${prefix}-confirm-reject`}
            >
              {t('qc.form.confirmReject.yes')}
            </button>
            <button
              type="button"
              className={`button ${props.submitClassName}`}
              data-testid={`${prefix}-confirm-back`}
              onClick={() => setConfirmedFor(null)}
            >
              {t('qc.form.confirmReject.back')}
            </button>
          </div>
        </div>
      ) : (
        <div className="qc-form-buttons">
          <button
            type="submit"
            className={`button ${props.submitClassName} ${rejects ? 'button--danger-solid' : 'button--primary'}`}
            data-testid={`${prefix}-submit`}
            disabled={working !== null || cannotSend}
          >
            {working ??
              (rejects ? t('qc.form.submitRejects') : checkTestOf ? t('qc.form.submitCheck') : t('qc.form.submit'))}
          </button>
          {props.onCancel && working === null && (
            <button
              type="button"
              className={`button ${props.submitClassName} qc-cancel`}
              data-testid={`${prefix}-cancel`}
              onClick={props.onCancel}
            >
              {t('common.cancel')}
            </button>
          )}
        </div>
      )}
    </form>
  );
}
