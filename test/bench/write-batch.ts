import { benchDeviceId } from './bench-fleet';

/** One gateway batch of the bench fleet: each device's fix a second later than in the round before. */
export function benchBatch(trucks: number, round: number, size: number) {
  const base = Date.UTC(2026, 0, 1) / 1000 + round;
  return Array.from({ length: size }, (_, item) => {
    const index = (round * size + item) % trucks;
    const angle = (index * 0.37 + round * 0.01) % (2 * Math.PI);
    return {
      deviceId: benchDeviceId(index),
      lat: 31.9 + 0.05 * Math.sin(angle),
      lng: 118.8 + 0.05 * Math.cos(angle),
      timestamp: (base + item / 1000) * 1000,
    };
  });
}
