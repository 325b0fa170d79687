import type { PourDto } from '@pourline/contracts';
import { useI18n } from '../i18n/useI18n';
import type { DueForTesting, DueLoad } from './dueForTesting';

interface DueLoadListProps {
  due: DueForTesting;
  pours: ReadonlyMap<string, PourDto>;
  loading: boolean;
  selectedLoadId: string | null;
  onSelect: (due: DueLoad) => void;
}

/** The loads waiting for the inspector, at the plant and on site, most urgent first. */
export function DueLoadList({ due, pours, loading, selectedLoadId, onSelect }: DueLoadListProps) {
  const { t } = useI18n();
  return (
    <section className="panel qc-due" aria-labelledby="qc-due-title">
      <h2 id="qc-due-title">{t('qc.due.title')}</h2>
      <DueGroup
        title={t('qc.due.plant')}
        empty={loading ? t('app.loading') : t('qc.due.plantEmpty')}
        testId="qc-due-plant"
        items={due.plant}
        pours={pours}
        selectedLoadId={selectedLoadId}
        onSelect={onSelect}
      />
      <DueGroup
        title={t('qc.due.site')}
        empty={loading ? t('app.loading') : t('qc.due.siteEmpty')}
        testId="qc-due-site"
        items={due.site}
        pours={pours}
        selectedLoadId={selectedLoadId}
        onSelect={onSelect}
      />
    </section>
  );
}

interface DueGroupProps {
  title: string;
  empty: string;
  testId: string;
  items: DueLoad[];
  pours: ReadonlyMap<string, PourDto>;
  selectedLoadId: string | null;
  onSelect: (due: DueLoad) => void;
}

function DueGroup({ title, empty, testId, items, pours, selectedLoadId, onSelect }: DueGroupProps) {
  return (
    <div className="qc-due-group" data-testid={testId} data-count={items.length}>
      <h3>
        {title} <span className="qc-count">{items.length}</span>
      </h3>
      {items.length === 0 ? (
        <p className="muted qc-due-empty">{empty}</p>
      ) : (
        <ul className="qc-due-list">
          {items.map((item) => (
            <li key={item.load.id}>
              <DueItem
                due={item}
                pour={pours.get(item.load.pourId)}
                selected={item.load.id === selectedLoadId}
                onSelect={onSelect}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function DueItem({
  due,
  pour,
  selected,
  onSelect,
}: {
  due: DueLoad;
  pour: PourDto | undefined;
  selected: boolean;
  onSelect: (due: DueLoad) => void;
}) {
  const { t } = useI18n();
  const { load } = due;
  const left = due.minutesToDeadline;
  const urgency = left === null ? '' : left < 0 ? ' qc-time--late' : left < 15 ? ' qc-time--soon' : '';
  return (
    <button
      type="button"
      className={`qc-due-load${selected ? ' qc-due-load--selected' : ''}`}
      data-testid="qc-due-load"
      data-load-id={load.id}
      data-stage={due.stage}
      data-kind={due.kind}
      aria-pressed={selected}
      onClick={() => onSelect(due)}
    >
      <span className="qc-due-head">
        <span className="qc-ticket">{load.ticketNumber}</span>
        <span className="qc-truck">{load.truckFleetNumber ?? t('common.none')}</span>
        {due.kind === 'retest' && <span className="warning-badge">{t('qc.badge.retest')}</span>}
        {due.kind === 'check' && <span className="warning-badge">{t('qc.badge.check')}</span>}
        {due.flagged && <span className="qc-badge-danger">{t('qc.badge.flagged')}</span>}
      </span>
      <span className="qc-due-pour">
        {pour ? `${pour.projectName} · ${pour.structuralElement}` : load.mixCode} · {load.mixCode}
      </span>
      <span className="qc-due-times">
        <span>
          {due.minutesSinceBatch === null
            ? t('qc.due.notBatched')
            : t('qc.due.sinceBatch', { minutes: due.minutesSinceBatch })}
        </span>
        {left !== null && (
          <span className={`qc-time${urgency}`}>
            {left < 0 ? t('qc.due.pastDeadline', { minutes: -left }) : t('qc.due.toDeadline', { minutes: left })}
          </span>
        )}
      </span>
    </button>
  );
}
