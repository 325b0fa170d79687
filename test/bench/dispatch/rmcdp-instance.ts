import { readFileSync } from 'node:fs';

/**
 * An instance of the concrete delivery problem (Kinable, Wauters and Vanden
 * Berghe 2014) in its `.rmc` text form: whitespace-separated sections, the
 * generator's parameters after a dashed line.
 */
export interface RmcdpInstance {
  name: string;
  maxTimeLagMinutes: number;
  vehicles: { id: string; capacityM3: number; unloadingMinutes: number }[];
  customers: { id: string; demandM3: number; windowStart: number; windowEnd: number }[];
  stations: string[];
  locations: Map<string, { x: number; y: number }>;
}

export function readRmcdpInstance(path: string, name: string): RmcdpInstance {
  const tokens = readFileSync(path, 'utf8').split('-----')[0].trim().split(/\s+/);
  let at = 0;
  const next = (): string => {
    if (at >= tokens.length) throw new Error(`${name}: the file ends early`);
    return tokens[at++];
  };
  const number = (): number => {
    const token = next();
    const value = Number(token);
    if (!Number.isFinite(value)) throw new Error(`${name}: expected a number, read "${token}"`);
    return value;
  };
  const expect = (label: string): void => {
    const token = next();
    if (token !== label) throw new Error(`${name}: expected "${label}", read "${token}"`);
  };

  expect('MaxTimeLag:');
  const maxTimeLagMinutes = number();
  expect('Vehicles:');
  const vehicles = Array.from({ length: number() }, () => ({
    id: next(),
    capacityM3: number(),
    unloadingMinutes: number(),
  }));
  expect('Customers:');
  const customers = Array.from({ length: number() }, () => ({
    id: next(),
    demandM3: number(),
    windowStart: number(),
    windowEnd: number(),
  }));
  expect('Stations:');
  const stations = Array.from({ length: number() }, () => next());
  expect('Locations:');
  const locations = new Map<string, { x: number; y: number }>();
  for (let i = number(); i > 0; i--) locations.set(next(), { x: number(), y: number() });
  return { name, maxTimeLagMinutes, vehicles, customers, stations, locations };
}

/** The problem's travel time: the Euclidean distance rounded up to a whole minute. */
export function rmcdpTravelMinutes(instance: RmcdpInstance, from: string, to: string): number {
  const a = instance.locations.get(from);
  const b = instance.locations.get(to);
  if (!a || !b) throw new Error(`${instance.name}: no location for ${a ? to : from}`);
  return Math.ceil(Math.hypot(a.x - b.x, a.y - b.y) - 1e-9);
}
