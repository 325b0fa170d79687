import type { InspectionLotDto } from '@pourline/contracts';
import { useI18n } from '../i18n/useI18n';

/** Every set of the lot: where it came from, its 7- and 28-day values and, meanwhile, the foretold one. */
export function LotSetsTable({ lot }: { lot: InspectionLotDto }) {
  const { t, formatNumber } = useI18n();
  const value = (mpa: number | null) => (mpa === null ? t('common.none') : formatNumber(mpa, 1));
  return (
    <div className="strength-table-wrap">
      <table className="strength-table">
        <thead>
          <tr>
            <th scope="col">{t('strength.sets.set')}</th>
            <th scope="col">{t('strength.sets.element')}</th>
            <th scope="col" className="numeric">
              {t('strength.sets.sevenDay')}
            </th>
            <th scope="col" className="numeric">
              {t('strength.sets.twentyEightDay')}
            </th>
            <th scope="col" className="numeric">
              {t('strength.sets.foretold')}
            </th>
          </tr>
        </thead>
        <tbody>
          {lot.sets.map((set) => (
            <tr key={set.setId} data-testid="strength-lot-set">
              <td className="mono">
                {set.label}
                {set.cubeSizeMm !== 150 && (
                  <span className="muted"> · {t('strength.sets.cube', { size: set.cubeSizeMm })}</span>
                )}
              </td>
              <td>{set.structuralElement}</td>
              <td className="numeric">{value(set.strength7dMpa)}</td>
              <td className="numeric">{set.void28d ? t('strength.sets.void') : value(set.strength28dMpa)}</td>
              <td className="numeric muted">{set.predicted28dMpa === null ? '' : value(set.predicted28dMpa)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
