import type { EvidenceLoadDto } from '@pourline/contracts';
import { useI18n } from '../i18n/useI18n';
import { describeQcReason } from '../qc/qcReasonWords';
import { formatPlantTime } from '../pours/plantTime';

const STEPS = [
  ['batchedAt', 'evidence.step.batched'],
  ['leftPlantAt', 'evidence.step.leftPlant'],
  ['arrivedAt', 'evidence.step.arrived'],
  ['dischargeStartedAt', 'evidence.step.dischargeStarted'],
  ['dischargeEndedAt', 'evidence.step.dischargeEnded'],
  ['backAtPlantAt', 'evidence.step.backAtPlant'],
] as const;

/** One load's ticket, times, water, tests with their verdicts and rule sets, and specimens. */
export function EvidenceLoadCard({
  load,
  timeZone,
  colour,
}: {
  load: EvidenceLoadDto;
  timeZone: string;
  colour: string;
}) {
  const { t, locale, formatNumber } = useI18n();
  const time = (iso: string | null) =>
    iso ? formatPlantTime(iso, timeZone, locale, { timeStyle: 'medium' }) : t('common.none');
  const mpa = (values: number[] | null) => (values ? `${values.join(' / ')} MPa` : t('evidence.pending'));
  return (
    <article
      className={`panel evidence-load${load.rejected ? ' evidence-load--rejected' : ''}`}
      data-testid="evidence-load"
      data-ticket={load.ticketNumber}
    >
      <header className="evidence-load-head">
        <span className="evidence-swatch" style={{ background: colour }} aria-hidden="true" />
        <h3 className="mono">{load.ticketNumber}</h3>
        <span className="muted">
          {t('evidence.truck', { truck: load.truckFleetNumber ?? t('common.none') })} · {load.volumeM3} m³ ·{' '}
          {load.mixCode}
        </span>
        {load.rejected && <span className="complaint-state complaint-state--rejected">{t('evidence.rejected')}</span>}
      </header>
      <dl className="evidence-steps">
        {STEPS.map(([field, label]) => (
          <div key={field}>
            <dt>{t(label)}</dt>
            <dd>{time(load[field])}</dd>
          </div>
        ))}
        <div>
          <dt>{t('evidence.water')}</dt>
          <dd data-testid="evidence-water">
            {load.water.length === 0
              ? t('evidence.noWater')
              : load.water
                  .map((item) =>
                    t('evidence.waterItem', { litres: item.litres, by: item.addedBy, requested: item.requestedBy }),
                  )
                  .join('; ')}
          </dd>
        </div>
        <div>
          <dt>{t('evidence.trace')}</dt>
          <dd>{t('evidence.fixes', { count: load.trace.length })}</dd>
        </div>
      </dl>
      <table className="report-table evidence-tests" data-testid="evidence-tests">
        <thead>
          <tr>
            <th>{t('evidence.test.time')}</th>
            <th>{t('evidence.test.stage')}</th>
            <th>{t('evidence.test.readings')}</th>
            <th>{t('evidence.test.verdict')}</th>
            <th>{t('evidence.test.ruleSet')}</th>
            <th>{t('evidence.test.inspector')}</th>
          </tr>
        </thead>
        <tbody>
          {load.tests.length === 0 && (
            <tr>
              <td colSpan={6} className="muted">
                {t('evidence.noTests')}
              </td>
            </tr>
          )}
          {load.tests.map((test) => (
            <tr key={test.testedAt + test.stage} className={test.pass ? '' : 'evidence-test--fail'}>
              <td>{time(test.testedAt)}</td>
              <td>{t(`evidence.stage.${test.stage}`)}</td>
              <td>
                {test.slumpMm}/{test.designSlumpMm} mm
                {test.temperatureC !== null ? ` · ${test.temperatureC} °C` : ''}
                {test.airPercent !== null ? ` · ${test.airPercent} %` : ''}
                {test.reasons.map((reason) => (
                  <div key={reason.code} className="muted" data-testid="evidence-reason" data-code={reason.code}>
                    {t(`qc.reason.${reason.code}`)}: {describeQcReason(reason, t, formatNumber)}
                  </div>
                ))}
              </td>
              <td>{test.pass ? t('evidence.pass') : t('evidence.fail')}</td>
              <td className="mono">{test.ruleSetVersion}</td>
              <td>{test.inspectorName}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="evidence-signatures" data-testid="evidence-signatures">
        {load.signatures.length === 0 && <p className="muted">{t('evidence.noSignatures')}</p>}
        {load.signatures.map((item) => (
          <figure key={item.ticketVersion} className="evidence-signature">
            {item.signature?.imageDataUrl && (
              <img
                src={item.signature.imageDataUrl}
                alt={t('evidence.signatureOf', { name: item.signature.signerName })}
              />
            )}
            <figcaption>
              {t(`evidence.ticket.${item.outcome}`, { version: item.ticketVersion })}
              {item.signature ? ` · ${item.signature.signerName} · ${time(item.signature.signedAt)}` : ''}
              {item.refusalReason ? ` · ${item.refusalReason}` : ''}
            </figcaption>
          </figure>
        ))}
      </div>
      {load.specimens.length > 0 && (
        <ul className="evidence-specimens">
          {load.specimens.map((set) => (
            <li key={set.label}>
              <strong className="mono">{set.label}</strong> · {time(set.madeAt)} · {t('evidence.days7')}:{' '}
              {mpa(set.results7dMpa)} · {t('evidence.days28')}: {mpa(set.results28dMpa)}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
