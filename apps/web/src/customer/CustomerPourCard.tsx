import type { CurrentUser, LoadDto, PourDto } from '@pourline/contracts';
import { roleHasPermission, TICKET_SIGNABLE_STATUSES } from '@pourline/contracts';
import { useState } from 'react';
import { useI18n } from '../i18n/useI18n';
import { liveVolumes, nextTruck } from '../operator/pourProgress';
import { PourStatusBadge } from '../pours/PourStatusBadge';
import { formatPlantClock } from '../pours/plantTime';
import { PlanAgreement } from './PlanAgreement';
import { PourReports } from './PourReports';
import { SpecimenWitness } from './SpecimenWitness';

interface CustomerPourCardProps {
  pour: PourDto;
  loads: readonly LoadDto[];
  user: CurrentUser;
  now: number;
  onOpenTicket: (loadId: string) => void;
}

const ON_THE_WAY = new Set(['released', 'en_route']);
const TICKETS_SHOWN = 4;

/** One pour as the construction party follows it: volumes, the trucks coming, every ticket, and what awaits them. */
export function CustomerPourCard({ pour, loads, user, now, onOpenTicket }: CustomerPourCardProps) {
  const { t, locale } = useI18n();
  const volumes = liveVolumes(pour, loads);
  const next = nextTruck(loads);
  const arriving = next?.kind === 'on_road' && next.arrivesAt ? { load: next.load, at: next.arrivesAt } : null;
  const coming = loads.filter((load) => ON_THE_WAY.has(load.status));
  // Newest first: the truck that just came is the ticket someone wants to sign.
  const ticketed = loads
    .filter((load) => load.status === 'en_route' || TICKET_SIGNABLE_STATUSES.has(load.status))
    .reverse();
  const [allTickets, setAllTickets] = useState(false);
  const shownTickets = allTickets ? ticketed : ticketed.slice(0, TICKETS_SHOWN);
  const clock = (iso: string) => formatPlantClock(iso, pour.plantTimeZone, locale);
  const minutesAway = (iso: string) => Math.max(0, Math.round((Date.parse(iso) - now) / 60_000));

  return (
    <article className="customer-card" data-testid={`customer-pour-${pour.id}`}>
      <header>
        <h2>{pour.structuralElement}</h2>
        <p className="muted">
          {pour.projectName} · {clock(pour.scheduledStart)} · <PourStatusBadge status={pour.status} />
        </p>
      </header>
      <dl className="customer-volumes">
        <div>
          <dt>{t('customer.planned')}</dt>
          <dd>{pour.volumeM3} m³</dd>
        </div>
        <div>
          <dt>{t('customer.delivered')}</dt>
          <dd data-testid="customer-delivered">{volumes.deliveredM3} m³</dd>
        </div>
        <div>
          <dt>{t('customer.onTheWay')}</dt>
          <dd>{volumes.inTransitM3} m³</dd>
        </div>
        <div>
          <dt>{t('customer.remaining')}</dt>
          <dd>{volumes.remainingM3} m³</dd>
        </div>
      </dl>
      {arriving && (
        <p className="customer-next" data-testid="customer-next-truck">
          {t('customer.nextTruck', {
            truck: arriving.load.truckFleetNumber ?? arriving.load.ticketNumber,
            time: clock(arriving.at),
            minutes: minutesAway(arriving.at),
          })}
        </p>
      )}
      {coming.length > 0 && (
        <section>
          <h3>{t('customer.trucksComing')}</h3>
          <ul className="customer-list">
            {coming.map((load) => (
              <li key={load.id} data-testid="customer-truck-coming">
                <strong>{load.truckFleetNumber ?? t('common.none')}</strong> · {load.volumeM3} m³ ·{' '}
                {load.eta ? t('customer.eta', { time: clock(load.eta.arrivesAt) }) : t(`loadStatus.${load.status}`)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {ticketed.length > 0 && (
        <section>
          <h3>{t('customer.tickets')}</h3>
          <ul className="customer-list customer-tickets">
            {shownTickets.map((load) => (
              <li key={load.id}>
                <button type="button" className="link-button" onClick={() => onOpenTicket(load.id)}>
                  {load.ticketNumber}
                </button>{' '}
                · {load.truckFleetNumber ?? t('common.none')} · {load.volumeM3} m³ · {t(`loadStatus.${load.status}`)}
              </li>
            ))}
          </ul>
          {ticketed.length > shownTickets.length && (
            <button type="button" className="link-button" onClick={() => setAllTickets(true)}>
              {t('customer.allTickets', { count: ticketed.length })}
            </button>
          )}
        </section>
      )}
      {(pour.status === 'draft' || pour.status === 'confirmed') && (
        <PlanAgreement pourId={pour.id} canRespond={roleHasPermission(user.role, 'pours.plan-respond')} />
      )}
      <PourReports pourId={pour.id} canAcknowledge={roleHasPermission(user.role, 'documents.acknowledge')} />
      {roleHasPermission(user.role, 'specimens.witness') && <SpecimenWitness pourId={pour.id} user={user} />}
    </article>
  );
}
