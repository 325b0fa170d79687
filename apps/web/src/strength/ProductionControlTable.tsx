import type { ProductionControlDto } from '@pourline/contracts';
import { useI18n } from '../i18n/useI18n';

/** Month by month and grade by grade: sets, mean, σ against its limit, P against 95 %. */
export function ProductionControlTable({ control }: { control: ProductionControlDto }) {
  const { t, formatNumber } = useI18n();
  const value = (number: number | null, digits = 1) =>
    number === null ? t('common.none') : formatNumber(number, digits);
  return (
    <div className="strength-table-wrap">
      <table className="strength-table" data-testid="strength-control-table">
        <thead>
          <tr>
            <th scope="col">{t('strength.control.month')}</th>
            <th scope="col">{t('strength.control.grade')}</th>
            <th scope="col" className="numeric">
              {t('strength.control.sets')}
            </th>
            <th scope="col" className="numeric">
              {t('strength.control.mean')}
            </th>
            <th scope="col" className="numeric">
              {t('strength.control.sigma')}
            </th>
            <th scope="col" className="numeric">
              {t('strength.control.share')}
            </th>
            <th scope="col">{t('strength.control.status')}</th>
          </tr>
        </thead>
        <tbody>
          {control.periods.flatMap((period) =>
            period.grades.map((grade) => (
              <tr
                key={`${period.label}:${grade.grade}`}
                data-testid="strength-control-row"
                data-period={period.label}
                data-grade={grade.grade}
                data-status={grade.status}
              >
                <td className="mono">{period.label}</td>
                <td>{grade.grade}</td>
                <td className="numeric">{grade.sets}</td>
                <td className="numeric">{value(grade.meanMpa)}</td>
                <td className={`numeric${grade.sigmaWithinLimit === false ? ' strength-figure--fail' : ''}`}>
                  {t('strength.control.sigmaValue', {
                    sigma: value(grade.sigmaMpa, 2),
                    limit: formatNumber(grade.sigmaLimitMpa, 1),
                  })}
                </td>
                <td className={`numeric${grade.shareWithinLimit === false ? ' strength-figure--fail' : ''}`}>
                  {t('strength.control.shareValue', { share: value(grade.shareAtLeastGradePercent) })}
                </td>
                <td>
                  <span className={`strength-badge strength-badge--${grade.status}`}>
                    {t(`strength.control.status.${grade.status}`)}
                  </span>
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}
