import { geofenceTransition, type FenceKind } from './load-geofence-moves';
import type { PresenceChange } from './geofence-presence';
import { canTransitionLoad, LOAD_STATUSES, type LoadStatus } from './load-status';

const ROWS: readonly [LoadStatus, FenceKind, PresenceChange, LoadStatus][] = [
  ['released', 'plant', 'exited', 'en_route'],
  ['en_route', 'site', 'entered', 'on_site'],
  ['discharged', 'site', 'exited', 'returning'],
  ['rejected', 'site', 'exited', 'returning_with_load'],
  ['returning', 'plant', 'entered', 'back_at_plant'],
  ['returning_with_load', 'plant', 'entered', 'back_at_plant'],
];

describe(geofenceTransition.name, () => {
  it.each(ROWS)('moves a %s load that %s %s to %s', (status, fence, change, expected) => {
    expect(geofenceTransition(status, fence, change)).toBe(expected);
  });

  it('only makes moves the load state machine allows', () => {
    for (const [status, , , next] of ROWS) expect(canTransitionLoad(status, next)).toBe(true);
  });

  it.each<[LoadStatus, FenceKind, PresenceChange]>([
    ['released', 'plant', 'entered'],
    ['released', 'site', 'entered'],
    ['loading', 'plant', 'exited'],
    ['held', 'plant', 'exited'],
    ['on_site', 'site', 'entered'],
    ['discharging', 'site', 'exited'],
    ['en_route', 'plant', 'entered'],
    ['back_at_plant', 'plant', 'entered'],
    ['discharged', 'plant', 'entered'],
  ])('leaves a %s load alone when it %s the %s fence', (status, fence, change) => {
    expect(geofenceTransition(status, fence, change)).toBeNull();
  });

  it('moves nothing beyond the listed rows', () => {
    let moves = 0;
    for (const status of LOAD_STATUSES) {
      for (const fence of ['plant', 'site'] as const) {
        for (const change of ['entered', 'exited'] as const) {
          if (geofenceTransition(status, fence, change) !== null) moves++;
        }
      }
    }
    expect(moves).toBe(ROWS.length);
  });

  it('refuses an unknown status, fence or change', () => {
    expect(() => geofenceTransition('parked' as LoadStatus, 'plant', 'exited')).toThrow(RangeError);
    expect(() => geofenceTransition('released', 'quarry' as FenceKind, 'exited')).toThrow(RangeError);
    expect(() => geofenceTransition('released', 'plant', 'left' as PresenceChange)).toThrow(RangeError);
  });
});
