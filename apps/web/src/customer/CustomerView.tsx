import './customer.css';
import { type CurrentUser, type LoadDto, type PourOrderDto, roleHasPermission } from '@pourline/contracts';
import { useMemo, useState } from 'react';
import { useApi } from '../api/useApi';
import { useApiResource } from '../api/useApiResource';
import { useI18n } from '../i18n/useI18n';
import { useLive } from '../live/useLive';
import { useNow } from '../operator/useNow';
import { usePourLoadsSync } from '../operator/usePourLoadsSync';
import { formatPlantTime } from '../pours/plantTime';
import { useSitePours } from '../site/useSitePours';
import { listProjects } from '../operator/operatorEndpoints';
import { CustomerPourCard } from './CustomerPourCard';
import { listPourOrders } from './customerEndpoints';
import { PourOrderForm } from './PourOrderForm';
import { ProjectLots } from './ProjectLots';

const TICK_MS = 15_000;

/**
 * Home of the construction party and of the supervising engineer, on a phone:
 * today's pours of their own projects, live, with every ticket, report and
 * specimen set; the customer also orders pours here.
 */
export function CustomerView({ user, onOpenTicket }: { user: CurrentUser; onOpenTicket: (loadId: string) => void }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const now = useNow(TICK_MS);
  // Drafts too: the construction party agrees a plan before it is confirmed.
  const { pours } = useSitePours({ withDrafts: true });
  const pourIds = useMemo(() => (pours ?? []).map((pour) => pour.id), [pours]);
  usePourLoadsSync(pourIds);
  const allLoads = useLive((state) => state.loads);
  const loadsByPour = useMemo(() => {
    const byPour = new Map<string, LoadDto[]>();
    for (const load of allLoads.values()) byPour.set(load.pourId, [...(byPour.get(load.pourId) ?? []), load]);
    return byPour;
  }, [allLoads]);
  const canOrder = roleHasPermission(user.role, 'pours.order');
  const projects = useApiResource('customer-projects', (signal) => listProjects(api, signal));
  const orders = useApiResource('pour-orders', (signal) => listPourOrders(api, signal));
  const [ordering, setOrdering] = useState(false);

  const orderCreated = (order: PourOrderDto) => {
    orders.setData([order, ...(orders.data ?? [])]);
    setOrdering(false);
  };

  return (
    <section className="customer-view" data-testid="customer-view">
      <header className="customer-heading">
        <h1>{t(canOrder ? 'customer.titleCustomer' : 'customer.titleSupervisor')}</h1>
        <p className="muted">{(projects.data ?? []).map((project) => project.name).join(' · ')}</p>
      </header>
      {canOrder &&
        (ordering ? (
          <PourOrderForm projects={projects.data ?? []} onCreated={orderCreated} onCancel={() => setOrdering(false)} />
        ) : (
          <button
            type="button"
            className="button button--primary button--block"
            onClick={() => setOrdering(true)}
            data-testid="order-pour"
          >
            {t('order.open')}
          </button>
        ))}
      {pours === undefined ? (
        <p className="status-note">{t('app.loading')}</p>
      ) : pours.length === 0 ? (
        <p className="status-note">{t('customer.noPours')}</p>
      ) : (
        pours.map((pour) => (
          <CustomerPourCard
            key={pour.id}
            pour={pour}
            loads={loadsByPour.get(pour.id) ?? []}
            user={user}
            now={now}
            onOpenTicket={onOpenTicket}
          />
        ))
      )}
      {roleHasPermission(user.role, 'strength.lots.read') && <ProjectLots />}
      {canOrder && orders.data && orders.data.length > 0 && (
        <section className="customer-card" data-testid="pour-orders">
          <h2>{t('order.list')}</h2>
          <ul className="customer-list">
            {orders.data.map((order) => (
              <li key={order.id}>
                <strong>{order.structuralElement}</strong> · {order.volumeM3} m³ · {order.strengthGrade} ·{' '}
                {formatPlantTime(order.wantedStart, Intl.DateTimeFormat().resolvedOptions().timeZone, locale, {
                  dateStyle: 'short',
                  timeStyle: 'short',
                })}{' '}
                · <span data-testid="pour-order-status">{t(`order.status.${order.status}`)}</span>
                {order.declineReason && <div className="muted">{order.declineReason}</div>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
