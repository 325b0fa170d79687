export * from './types';
export { planLoads } from './plan-loads';
export { dischargeMinutes } from './construct';
export { seededRandom, type SeededRandom } from './rng';
