import './strength.css';
import type { StrengthWarningDto } from '@pourline/contracts';
import { useApi } from '../api/useApi';
import { useApiResource } from '../api/useApiResource';
import { routeHash } from '../app/route';
import { useI18n } from '../i18n/useI18n';
import { useLive } from '../live/useLive';
import { useReloadOnChange } from '../pours/useReloadOnChange';
import { warningMessage } from './warningMessage';

const RECENT_DAYS = 14;
const SHOWN = 3;

/** The latest strength warnings of every plant, at the top of the QC inspector's day, with the way to the rest. */
export function RecentStrengthWarnings() {
  const i18n = useI18n();
  const { t } = i18n;
  const api = useApi();
  const warnings = useApiResource('strength-warnings:all', (signal) =>
    api.get<StrengthWarningDto[]>('/strength/warnings', { signal }),
  );
  useReloadOnChange(
    useLive((state) => state.strengthVersion),
    warnings.reload,
  );
  // Recent as of when the list was loaded: a render must not read the clock.
  const since = (warnings.loadedAt?.getTime() ?? 0) - RECENT_DAYS * 86_400_000;
  const recent = (warnings.data ?? []).filter((warning) => Date.parse(warning.raisedAt) >= since);
  if (recent.length === 0) return null;
  return (
    <section className="banner qc-strength-warnings" data-testid="qc-strength-warnings" role="alert">
      <ul>
        {recent.slice(0, SHOWN).map((warning) => (
          <li key={warning.id} data-kind={warning.kind}>
            <strong>{t(`strength.warning.kind.${warning.kind}`)}</strong> · {warning.plantCode}:{' '}
            {warningMessage(warning, i18n)}
          </li>
        ))}
      </ul>
      <a className="button" href={routeHash({ screen: 'strength' })} data-testid="qc-open-strength">
        {t('strength.open', { count: recent.length })}
      </a>
    </section>
  );
}
