import './customer.css';
import {
  type CurrentUser,
  type DeliveryTicketDto,
  roleHasPermission,
  type TicketSignMoment,
} from '@pourline/contracts';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import { useApi } from '../api/useApi';
import { useApiResource } from '../api/useApiResource';
import { useI18n } from '../i18n/useI18n';
import { formatPlantTime } from '../pours/plantTime';
import { getTicket, signTicket, ticketPdf } from './customerEndpoints';
import { SignaturePad } from './SignaturePad';
import { FormError } from './FormError';

interface TicketPageProps {
  loadId: string;
  user: CurrentUser;
  onBack: () => void;
}

/** One delivery ticket, readable on a phone: what was delivered, tested and added, and its signature. */
export function TicketPage({ loadId, user, onBack }: TicketPageProps) {
  const { t, locale } = useI18n();
  const api = useApi();
  const resource = useApiResource(`ticket:${loadId}`, (signal) => getTicket(api, loadId, signal));
  const ticket = resource.data;

  async function openPdf() {
    const blob = await ticketPdf(api, loadId);
    window.open(URL.createObjectURL(blob), '_blank', 'noopener');
  }

  if (!ticket)
    return (
      <section className="customer-page">
        <button type="button" className="link-button" onClick={onBack}>
          ← {t('customer.back')}
        </button>
        <p className="status-note">{resource.error ? errorMessage(resource.error, t) : t('app.loading')}</p>
      </section>
    );

  const { content } = ticket;
  const zone = content.plant.timeZone;
  const when = (iso: string | null) =>
    iso ? formatPlantTime(iso, zone, locale, { dateStyle: 'short', timeStyle: 'short' }) : t('common.none');
  const current = ticket.versions.at(-1);
  const rows: [string, string][] = [
    [t('ticket.plant'), `${content.plant.name} (${content.plant.code})`],
    [t('ticket.project'), content.projectName],
    [t('ticket.element'), content.structuralElement],
    [t('ticket.truck'), content.truckFleetNumber ?? t('common.none')],
    [t('ticket.mix'), `${content.mixCode} · ${content.strengthClass}`],
    [t('ticket.volume'), `${content.volumeM3} m³`],
    [t('ticket.batchedAt'), when(content.batchedAt)],
    [t('ticket.departedAt'), when(content.departedAt)],
    [t('ticket.arrivedAt'), when(content.arrivedAt)],
    [t('ticket.dischargeStartedAt'), when(content.dischargeStartedAt)],
    [t('ticket.dischargeEndedAt'), when(content.dischargeEndedAt)],
  ];

  return (
    <section className="customer-page" data-testid="ticket-page">
      <button type="button" className="link-button" onClick={onBack}>
        ← {t('customer.back')}
      </button>
      <header className="customer-heading">
        <h1>
          {t('ticket.title')} <span className="ticket-number">{content.ticketNumber}</span>
        </h1>
        <p className="muted">
          {t('ticket.version', { version: ticket.currentVersion })}
          {current?.correction && ` · ${t('ticket.corrects', { version: current.supersedesVersion ?? 1 })}`}
        </p>
      </header>
      <dl className="ticket-fields">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h2>{t('ticket.water')}</h2>
      {content.water.length === 0 ? (
        <p className="muted">{t('ticket.noWater')}</p>
      ) : (
        <ul className="customer-list">
          {content.water.map((water) => (
            <li key={water.at}>
              {when(water.at)} · {water.litres} L · {t('ticket.waterBy', { by: water.addedBy, on: water.requestedBy })}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('ticket.tests')}</h2>
      <ul className="customer-list">
        {content.tests.map((test) => (
          <li key={test.id}>
            {t(`ticket.stage.${test.stage}`)} · {when(test.testedAt)} · {test.slumpMm} mm
            {test.temperatureC !== null && ` · ${test.temperatureC} °C`} ·{' '}
            <strong className={test.pass ? 'verdict-pass' : 'verdict-fail'}>
              {test.pass ? t('ticket.pass') : t('ticket.fail')}
            </strong>
          </li>
        ))}
      </ul>
      {content.remarks && <p>{content.remarks}</p>}
      <button type="button" className="button" onClick={() => void openPdf()} data-testid="ticket-pdf">
        {t('ticket.pdf')}
      </button>
      {current?.signature ? (
        <TicketSignature ticket={ticket} when={when} />
      ) : ticket.signable && roleHasPermission(user.role, 'tickets.sign') ? (
        <TicketSignForm loadId={loadId} user={user} onSigned={resource.setData} />
      ) : (
        <p className="muted">{t('ticket.notSignable')}</p>
      )}
    </section>
  );
}

function TicketSignature({ ticket, when }: { ticket: DeliveryTicketDto; when: (iso: string | null) => string }) {
  const { t } = useI18n();
  const current = ticket.versions.at(-1)!;
  const signature = current.signature!;
  return (
    <section className="ticket-signature" data-testid="ticket-signature">
      <h2>{current.outcome === 'refused' ? t('ticket.refused') : t('ticket.signedHeading')}</h2>
      {signature.imageDataUrl && <img src={signature.imageDataUrl} alt={t('signature.image')} />}
      <p>
        <strong>{signature.signerName}</strong> · {when(signature.signedAt)} ·{' '}
        {t('ticket.recordedBy', { name: signature.recordedByName })}
      </p>
      {current.refusalReason && <p>{current.refusalReason}</p>}
    </section>
  );
}

function TicketSignForm({
  loadId,
  user,
  onSigned,
}: {
  loadId: string;
  user: CurrentUser;
  onSigned: (ticket: DeliveryTicketDto) => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const [signerName, setSignerName] = useState(user.displayName);
  const [signature, setSignature] = useState<string | null>(null);
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  const [moment, setMoment] = useState<TicketSignMoment>('discharge');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const base = { moment, signerName, observedAt: new Date().toISOString() };
      onSigned(
        await signTicket(
          api,
          loadId,
          refusing
            ? { ...base, outcome: 'refused', reason, ...(signature ? { signature } : {}) }
            : { ...base, outcome: 'signed', signature: signature ?? '' },
        ),
      );
    } catch (caught) {
      setError(errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="ticket-sign" onSubmit={(event) => void submit(event)} data-testid="ticket-sign-form">
      <h2>{t('ticket.signHeading')}</h2>
      <fieldset className="segmented">
        <legend className="muted">{t('ticket.moment')}</legend>
        {(['arrival', 'discharge'] as const).map((value) => (
          <label key={value}>
            <input type="radio" name="moment" checked={moment === value} onChange={() => setMoment(value)} />
            {t(`ticket.moment.${value}`)}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>{t('ticket.signerName')}</span>
        <input value={signerName} onChange={(event) => setSignerName(event.target.value)} required maxLength={80} />
      </label>
      <SignaturePad onChange={setSignature} />
      <label className="checkbox">
        <input type="checkbox" checked={refusing} onChange={(event) => setRefusing(event.target.checked)} />
        {t('ticket.refuse')}
      </label>
      {refusing && (
        <label className="field">
          <span>{t('ticket.refusalReason')}</span>
          <textarea value={reason} onChange={(event) => setReason(event.target.value)} rows={3} required />
        </label>
      )}
      <FormError message={error} />
      <button
        type="submit"
        className={`button button--block ${refusing ? 'button--danger' : 'button--primary'}`}
        disabled={busy || (!refusing && !signature) || !signerName.trim()}
        data-testid="ticket-sign-submit"
      >
        {refusing ? t('ticket.refuseSubmit') : t('ticket.signSubmit')}
      </button>
    </form>
  );
}
