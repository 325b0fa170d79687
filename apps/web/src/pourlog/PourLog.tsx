import './pourLog.css';
import type { PourStatus } from '@pourline/domain';
import { useId, useMemo, useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import { usePermission } from '../auth/usePermission';
import { useI18n } from '../i18n/useI18n';
import { PourLogComposer } from './PourLogComposer';
import { PourLogEntryItem } from './PourLogEntryItem';
import { PourLogQuickBar } from './PourLogQuickBar';
import { matchingCodes } from './pourLogWords';
import { useDebouncedValue } from './useDebouncedValue';
import { usePourLog } from './usePourLog';
import { usePourLogActions } from './usePourLogActions';

const SEARCH_PAUSE_MS = 300;
const CLOSED: ReadonlySet<PourStatus> = new Set(['draft', 'cancelled']);

interface PourLogProps {
  pourId: string;
  /** A shorter list, where the log shares a narrow column (the dispatch room's pour card). */
  compact?: boolean;
}

/**
 * The pour's conversation, as the radio would have it but kept: quick
 * messages and words from the dispatch room, the site and QC, beside every
 * system event of the pour, newest first, live and searchable.
 */
export function PourLog({ pourId, compact = false }: PourLogProps) {
  const { t } = useI18n();
  const titleId = useId();
  const canWrite = usePermission('pours.log.write');
  const canConfirm = usePermission('pours.log.confirm');
  const [query, setQuery] = useState('');
  const settled = useDebouncedValue(query.trim(), SEARCH_PAUSE_MS);
  const search = useMemo(() => ({ q: settled, codes: matchingCodes(settled, t) }), [settled, t]);
  const log = usePourLog(pourId, search);
  const actions = usePourLogActions(pourId, log.remember);
  const timeZone = log.pour?.plantTimeZone ?? 'UTC';
  // A draft is still being agreed and a cancelled pour is over: the API takes no messages for either.
  const talking = canWrite && log.pour !== undefined && !CLOSED.has(log.pour.status);

  return (
    <section
      className={`pour-log${compact ? ' pour-log--compact' : ''}`}
      data-testid="pour-log"
      data-pour-id={pourId}
      aria-labelledby={titleId}
      aria-busy={log.loading}
    >
      <div className="pour-log-head">
        <h2 id={titleId}>{t('pourLog.title')}</h2>
        <label className="pour-log-search">
          <span className="visually-hidden">{t('pourLog.search')}</span>
          <input
            type="search"
            value={query}
            placeholder={t('pourLog.searchPlaceholder')}
            maxLength={100}
            data-testid="pour-log-search"
            onChange={(event) => setQuery(event.target.value)}
          />
        </label>
      </div>
      {talking &&
        (compact ? (
          // In a narrow column the thread comes first; the quick messages open on demand.
          <details className="pour-log-more" data-testid="pour-log-more">
            <summary className="button button--ghost">{t('pourLog.quickTitle')}</summary>
            <PourLogQuickBar pourId={pourId} busy={actions.busy} onSend={actions.send} />
          </details>
        ) : (
          <PourLogQuickBar pourId={pourId} busy={actions.busy} onSend={actions.send} />
        ))}
      {talking && <PourLogComposer busy={actions.busy === 'text'} onSend={actions.send} />}
      {actions.error !== undefined && (
        <div className="banner banner--error" role="alert" data-testid="pour-log-error">
          <span>{errorMessage(actions.error, t)}</span>
          <button type="button" className="button" onClick={actions.dismissError}>
            {t('site.error.dismiss')}
          </button>
        </div>
      )}
      {log.error !== undefined && (
        <div className="banner banner--error" role="alert">
          <span>{errorMessage(log.error, t)}</span>
          <button type="button" className="button" onClick={log.reload}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {settled && log.pour && (
        <p className="muted pour-log-note" data-testid="pour-log-found" role="status">
          {log.entries.length === 0
            ? t('pourLog.noMatch', { query: settled })
            : t('pourLog.found', { count: log.total })}
        </p>
      )}
      {!settled && log.pour && log.entries.length === 0 && <p className="muted pour-log-note">{t('pourLog.empty')}</p>}
      {log.entries.length > 0 && (
        // It scrolls on its own: focusable, so a keyboard can scroll it too.
        <ol className="pour-log-list" data-testid="pour-log-entries" tabIndex={0} aria-labelledby={titleId}>
          {log.entries.map((entry) => (
            <PourLogEntryItem
              key={entry.id}
              entry={entry}
              timeZone={timeZone}
              canConfirm={canConfirm}
              confirming={actions.busy === entry.id}
              onConfirm={(messageId) => void actions.confirm(messageId)}
            />
          ))}
        </ol>
      )}
      {log.total > log.entries.length && (
        <p className="muted pour-log-note">{t('pourLog.older', { shown: log.entries.length, total: log.total })}</p>
      )}
    </section>
  );
}
