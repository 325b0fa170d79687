import '../qc/qc.css';
import { type LoadDto, type MixDto, type PourDto, RecordQcTestRequest } from '@pourline/contracts';
import type { RuleSet } from '@pourline/domain';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { useI18n } from '../i18n/useI18n';
import { previewQcTest, qcLimits } from '../qc/qcPreview';
import { QcPreviewBox } from '../qc/QcPreviewBox';
import { QcReadingFields } from '../qc/QcReadingFields';
import { readingValue } from '../qc/readingInput';
import { useQcReadings } from '../qc/useQcReadings';
import type { OutboxItem, OutboxSnapshot } from './outbox';
import { PendingBadge } from './PendingBadge';
import { describeSchemaIssues } from '../api/issueWords';

interface SiteTestFormProps {
  load: LoadDto;
  pour: PourDto;
  /** Null until the mixes and plants have been fetched once: the test can still be sent, unpreviewed. */
  mix: MixDto | null;
  rules: RuleSet | null;
  /** Set when the last site test asked for a check test on the same sample. */
  checkTestOf: string | null;
  /** This form's test, while it waits in the outbox. */
  pending: OutboxItem | null;
  snapshot: OutboxSnapshot;
  /** The server's refusal of this form's last test, in words. */
  refusal: string | null;
  onSubmit: (request: RecordQcTestRequest) => void;
  onCancel: () => void;
}

/**
 * The site re-test on the tablet: slump, temperature, air when the mix is
 * air-entrained, and the rules' verdict as it is typed (the QC view's own
 * preview). Sent through the outbox; the server's answer is the record.
 */
export function SiteTestForm(props: SiteTestFormProps) {
  const { load, pour, mix, rules, checkTestOf, pending, snapshot, refusal, onSubmit, onCancel } = props;
  const { t } = useI18n();
  const formId = useId();
  const { readings, unreadable, fields } = useQcReadings();
  const [error, setError] = useState<string | null>(null);

  const limits = useMemo(() => (mix && rules ? qcLimits(pour, mix, rules) : null), [pour, mix, rules]);
  const airPercent = limits?.air ? readingValue(readings.air) : null;
  const preview =
    mix && rules
      ? previewQcTest({
          stage: 'site',
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
          // While queued, the verdict is the one the server will give: at the time the test was taken.
          testedAt: pending ? new Date(pending.createdAt) : new Date(),
        })
      : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    if (unreadable) return setError(t('qc.form.unreadable'));
    const request = RecordQcTestRequest.safeParse({
      stage: 'site',
      slumpMm: readingValue(readings.slump) ?? undefined,
      temperatureC: readingValue(readings.temperature),
      airPercent,
      checkTestOf: checkTestOf ?? undefined,
    });
    if (!request.success) {
      return setError(describeSchemaIssues(request.error.issues, t));
    }
    setError(null);
    onSubmit(request.data);
  }

  const slumpLabel = limits?.slumpKind === 'slump_flow' ? t('qc.form.slumpFlow') : t('qc.form.slump');
  const rejects = preview?.status === 'ready' && preview.outcome === 'rejected';
  const waiting = pending !== null;

  return (
    <form
      className="site-slump-form"
      data-testid="site-test-form"
      data-check-test-of={checkTestOf ?? undefined}
      onSubmit={submit}
      noValidate
    >
      {checkTestOf && <p className="notice qc-check-notice">{t('qc.form.checkNotice')}</p>}
      <fieldset className="site-slump-fields qc-fields" disabled={waiting}>
        <QcReadingFields formId={formId} testIdPrefix="site-test" slumpLabel={slumpLabel} limits={limits} {...fields} />
      </fieldset>
      {preview ? (
        <QcPreviewBox preview={preview} unreadable={unreadable} />
      ) : (
        <p className="notice" role="status">
          {t('site.slumpTest.noRules')}
        </p>
      )}
      {(error ?? refusal) && (
        <p className="form-error" role="alert" data-testid="site-test-error">
          {error ?? refusal}
        </p>
      )}
      <div className="site-slump-buttons">
        <button
          type="submit"
          className={`button site-action site-slump-submit ${rejects ? 'button--danger-solid' : 'button--primary'}`}
          data-testid="site-test-submit"
          disabled={waiting || readings.slump.kind !== 'number' || preview?.status === 'implausible'}
        >
          {pending ? (
            <PendingBadge item={pending} snapshot={snapshot} />
          ) : rejects ? (
            t('qc.form.submitRejects')
          ) : checkTestOf ? (
            t('qc.form.submitCheck')
          ) : (
            t('qc.form.submit')
          )}
        </button>
        {!waiting && (
          <button type="button" className="button site-action" data-testid="site-test-cancel" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
