import { useI18n } from '../i18n/useI18n';
import { documentTypeLabel } from './documentTypeLabel';

/** Required pre-pour reports the construction party does not have yet. */
export function UndeliveredBadge({ types }: { types: readonly string[] }) {
  const { t } = useI18n();
  if (types.length === 0) return null;
  return (
    <span
      className="warning-badge"
      data-testid="pour-documents-warning"
      title={types.map((type) => documentTypeLabel(type, t)).join(', ')}
    >
      <span aria-hidden="true">⚠</span> {t('board.undelivered', { count: types.length })}
    </span>
  );
}
