import type { LoadDto, MixDto, PourDto, QcStage, QcTestDto, RecordQcTestRequest } from '@pourline/contracts';
import type { RuleSet } from '@pourline/domain';
import { useState } from 'react';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/useI18n';
import { recordQcTest } from './qcEndpoints';
import { isStaleLoadConflict, qcErrorMessage } from './qcErrorMessage';
import { SlumpTestForm } from './SlumpTestForm';

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

/** The inspector's test, sent to the API at once; the answer is the record. */
export function QcTestForm({ load, pour, mix, rules, stage, checkTestOf, onRecorded, onStale }: QcTestFormProps) {
  const { t } = useI18n();
  const api = useApi();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  async function send(request: RecordQcTestRequest) {
    setSending(true);
    setRefusal(null);
    try {
      onRecorded(await recordQcTest(api, load.id, request));
    } catch (failure) {
      setRefusal(qcErrorMessage(failure, t));
      if (isStaleLoadConflict(failure)) onStale();
    } finally {
      setSending(false);
    }
  }

  return (
    <SlumpTestForm
      stage={stage}
      load={load}
      pour={pour}
      mix={mix}
      rules={rules}
      checkTestOf={checkTestOf}
      testIdPrefix="qc"
      formTestId="qc-test-form"
      className="qc-test-form"
      submitClassName="button--block qc-submit"
      withRemarks
      testedAt={null}
      working={sending ? t('qc.working') : null}
      refusal={refusal}
      onSubmit={(request) => void send(request)}
    />
  );
}
