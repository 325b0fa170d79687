export * from './types';
export { planLoads } from './plan-loads';
export { dischargeMinutes } from './construct';
