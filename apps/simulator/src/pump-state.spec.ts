import type { LoadStatus } from '@pourline/domain';
import { pumpStateFor } from './pump-state';

const load = (status: LoadStatus, rejected = false) => ({ status, rejected });

describe(pumpStateFor.name, () => {
  it('sets up on site before the first truck has discharged', () => {
    expect(pumpStateFor({ pourLoads: [], inPlace: true, demobilising: false })).toBe('setting_up');
    const coming = [load('en_route'), load('on_site'), load('loading')];
    expect(pumpStateFor({ pourLoads: coming, inPlace: true, demobilising: false })).toBe('setting_up');
  });

  it('pumps while a truck discharges into the hopper', () => {
    const loads = [load('back_at_plant'), load('discharging'), load('on_site')];
    expect(pumpStateFor({ pourLoads: loads, inPlace: true, demobilising: false })).toBe('pumping');
  });

  it('is idle between trucks once concrete has gone in', () => {
    for (const done of ['discharged', 'returning', 'back_at_plant'] as const) {
      const loads = [load(done), load('en_route')];
      expect(pumpStateFor({ pourLoads: loads, inPlace: true, demobilising: false })).toBe('idle');
    }
  });

  it('does not count a rejected load as pumped: the pump is still setting up', () => {
    const loads = [load('returning_with_load', true), load('back_at_plant', true)];
    expect(pumpStateFor({ pourLoads: loads, inPlace: true, demobilising: false })).toBe('setting_up');
  });

  it('is moving while it drives to its pour', () => {
    expect(pumpStateFor({ pourLoads: [load('en_route')], inPlace: false, demobilising: false })).toBe('moving');
  });

  it('is moving during clean-down and the drive back once the pour has ended', () => {
    expect(pumpStateFor({ pourLoads: null, inPlace: true, demobilising: true })).toBe('moving');
  });

  it('is idle when parked with no pour to serve', () => {
    expect(pumpStateFor({ pourLoads: null, inPlace: false, demobilising: false })).toBe('idle');
  });
});
