import type { PourDto, PourOrderDto } from '@pourline/contracts';
import { useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import { useApi } from '../api/useApi';
import { useApiResource } from '../api/useApiResource';
import { useI18n } from '../i18n/useI18n';
import { formatPlantTime } from '../pours/plantTime';
import { declineOrder, listOpenPourOrders, markOrderPlanned } from './customerEndpoints';
import { FormError } from './FormError';

/**
 * The dispatch room's side of the customers' orders: each open order, answered
 * with a pour of its project that was planned for it, or declined in writing.
 */
export function OpenPourOrders({ pours }: { pours: readonly PourDto[] }) {
  const { t } = useI18n();
  const api = useApi();
  const orders = useApiResource('open-pour-orders', (signal) => listOpenPourOrders(api, signal));
  const [error, setError] = useState<string | null>(null);
  if (!orders.data || orders.data.length === 0) return null;

  async function answer(order: PourOrderDto, call: () => Promise<PourOrderDto>) {
    setError(null);
    try {
      await call();
      orders.setData((orders.data ?? []).filter((open) => open.id !== order.id));
    } catch (caught) {
      setError(errorMessage(caught, t));
    }
  }

  return (
    <section className="panel" data-testid="open-pour-orders">
      <h2>{t('order.open.title')}</h2>
      <ul className="customer-list">
        {orders.data.map((order) => (
          <OpenOrder
            key={order.id}
            order={order}
            pours={pours.filter((pour) => pour.projectId === order.projectId)}
            onPlanned={(pourId) => void answer(order, () => markOrderPlanned(api, order.id, pourId))}
            onDeclined={(reason) => void answer(order, () => declineOrder(api, order.id, reason))}
          />
        ))}
      </ul>
      <FormError message={error} />
    </section>
  );
}

function OpenOrder({
  order,
  pours,
  onPlanned,
  onDeclined,
}: {
  order: PourOrderDto;
  pours: readonly PourDto[];
  onPlanned: (pourId: string) => void;
  onDeclined: (reason: string) => void;
}) {
  const { t, locale } = useI18n();
  const [pourId, setPourId] = useState(pours[0]?.id ?? '');
  const [reason, setReason] = useState('');
  const zone = pours[0]?.plantTimeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <li>
      <strong>{order.projectName}</strong> · {order.structuralElement} · {order.volumeM3} m³ · {order.strengthGrade} ·{' '}
      {order.slumpMm} mm · {order.pumpWanted ? t('order.pump') : t('order.noPump')} ·{' '}
      {formatPlantTime(order.wantedStart, zone, locale)} · {order.requestedByName}
      {order.notes && <div className="muted">{order.notes}</div>}
      <div className="customer-actions">
        <select value={pourId} onChange={(event) => setPourId(event.target.value)} aria-label={t('order.plannedAs')}>
          {pours.map((pour) => (
            <option key={pour.id} value={pour.id}>
              {pour.structuralElement}
            </option>
          ))}
        </select>
        <button type="button" className="button" disabled={!pourId} onClick={() => onPlanned(pourId)}>
          {t('order.markPlanned')}
        </button>
        <input
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          placeholder={t('order.declineReason')}
          aria-label={t('order.declineReason')}
        />
        <button
          type="button"
          className="button button--danger"
          disabled={!reason.trim()}
          onClick={() => onDeclined(reason)}
        >
          {t('order.decline')}
        </button>
      </div>
    </li>
  );
}
