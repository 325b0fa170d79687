import { checkPlanGeometry, DEFAULT_PLAN_RULES, pumpBooking, pumpClashes } from '@pourline/domain';
import { offset } from './demo-geometry';
import { DEMO_PLANTS, DEMO_SITES, DEMO_UTC_OFFSET } from './demo-places';
import { DEMO_POURS, type DemoPour } from './demo-pours';

/** The demo pours as the seeder plans them, on an arbitrary day: the rules look only at hours. */
function planned(pour: DemoPour) {
  const site = DEMO_SITES[pour.site];
  const at = ([eastM, northM]: [number, number]) => offset(site.location, eastM, northM);
  return {
    label: `${pour.start} ${site.name}: ${pour.structuralElement}`,
    pump: pour.pump,
    status: pour.status,
    scheduledStart: new Date(`2026-05-04T${pour.start}:00${DEMO_UTC_OFFSET}`),
    volumeM3: pour.volumeM3,
    pourRateM3PerHour: pour.pourRateM3PerHour,
    geometry: {
      pumpPosition: at(pour.pumpPosition),
      startPoint: at(pour.startPoint),
      endPoint: at(pour.endPoint),
      entryRoute: site.entryRoute,
      exitRoute: site.exitRoute,
    },
    places: { siteFence: site.geofence, plantFence: DEMO_PLANTS[site.plant].geofence },
  };
}

const pours = DEMO_POURS.map(planned);

describe('the demo day under the plan sanity rules', () => {
  it.each(pours.map((pour) => [pour.label, pour] as const))('places %s at its site and plant', (_label, pour) => {
    expect(checkPlanGeometry(pour.geometry, pour.places, DEFAULT_PLAN_RULES)).toEqual([]);
  });

  it.each(pours.map((pour) => [pour.label, pour] as const))('books the pump of %s only once', (_label, pour) => {
    const others = pours.filter((other) => other !== pour && other.pump === pour.pump);
    expect(pumpClashes(pour, others, DEFAULT_PLAN_RULES).map(({ pour: other }) => other.label)).toEqual([]);
  });

  it('still gives a pump two pours on the same day, so the demo shows a pump’s day', () => {
    const busiest = Math.max(...pours.map((pour) => pours.filter((other) => other.pump === pour.pump).length));
    expect(busiest).toBeGreaterThanOrEqual(2);
    const p1 = pours.filter((pour) => pour.pump === 'p1').map((pour) => pumpBooking(pour, DEFAULT_PLAN_RULES));
    expect(p1[0].until.getTime()).toBeLessThanOrEqual(p1[1].from.getTime());
  });
});
