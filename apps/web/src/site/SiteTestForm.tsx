import '../qc/qc.css';
import type { LoadDto, MixDto, PourDto, RecordQcTestRequest } from '@pourline/contracts';
import type { RuleSet } from '@pourline/domain';
import { SlumpTestForm } from '../qc/SlumpTestForm';
import type { OutboxItem, OutboxSnapshot } from './outbox';
import { PendingBadge } from './PendingBadge';

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
 * The site re-test on the tablet: the inspector's form, sent through the
 * outbox. While queued, its verdict is the one the server will give: at the
 * time the test was taken.
 */
export function SiteTestForm({ pending, snapshot, ...props }: SiteTestFormProps) {
  return (
    <SlumpTestForm
      {...props}
      stage="site"
      testIdPrefix="site-test"
      formTestId="site-test-form"
      className="site-slump-form"
      submitClassName="site-action site-slump-submit"
      withRemarks={false}
      testedAt={pending ? new Date(pending.createdAt) : null}
      working={pending ? <PendingBadge item={pending} snapshot={snapshot} /> : null}
    />
  );
}
