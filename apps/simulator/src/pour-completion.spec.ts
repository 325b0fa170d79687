import type { PourVolumesDto } from '@pourline/contracts';
import type { LoadStatus } from '@pourline/domain';
import { isPourDelivered } from './pour-completion';

const volumes = (deliveredM3: number, inTransitM3 = 0): PourVolumesDto => ({
  plannedM3: 96,
  deliveredM3,
  inTransitM3,
  rejectedM3: 0,
  remainingM3: Math.max(0, 96 - deliveredM3 - inTransitM3),
  unorderedM3: 0,
});
const loads = (...statuses: LoadStatus[]) => statuses.map((status) => ({ status }));

describe(isPourDelivered.name, () => {
  it('is finished when the planned volume is in and the last trucks are on their way home', () => {
    expect(isPourDelivered(volumes(96), loads('back_at_plant', 'returning', 'discharged'))).toBe(true);
  });

  it('takes the last few tenths as delivered: no load is ordered for less than half a cubic metre', () => {
    expect(isPourDelivered(volumes(95.6), loads('back_at_plant'))).toBe(true);
    expect(isPourDelivered(volumes(95.4), loads('back_at_plant'))).toBe(false);
  });

  it('is not finished while concrete is still on the road or at the pump', () => {
    expect(isPourDelivered(volumes(84, 12), loads('back_at_plant', 'discharging'))).toBe(false);
    expect(isPourDelivered(volumes(96, 0.1), loads('back_at_plant', 'en_route'))).toBe(false);
  });

  it('is not finished while a load for it is still being batched or waits at the plant', () => {
    for (const status of ['scheduled', 'loading', 'plant_qc', 'held'] as const) {
      expect(isPourDelivered(volumes(96), loads('back_at_plant', status))).toBe(false);
    }
  });

  it('does not let a rejected load driving back keep the pour open', () => {
    expect(isPourDelivered(volumes(96), loads('back_at_plant', 'returning_with_load'))).toBe(true);
  });
});
