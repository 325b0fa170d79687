import { describe, expect, it } from '@jest/globals';
import { planWorkers } from './worker-plan';

const shared = { redisUrl: 'redis://127.0.0.1:6379', databaseUrl: 'postgres://db/pourline', demo: false };

describe('planWorkers', () => {
  it('takes one worker per core when auto, and the number given otherwise', () => {
    expect(planWorkers({ ...shared, workers: 'auto', cores: 4 })).toEqual({ count: 4 });
    expect(planWorkers({ ...shared, workers: 3, cores: 2 })).toEqual({ count: 3 });
    expect(planWorkers({ ...shared, workers: 1, cores: 8 })).toEqual({ count: 1 });
    expect(planWorkers({ ...shared, workers: 'auto', cores: 0 })).toEqual({ count: 1 });
  });

  it('runs one worker, and says why, without Redis, without a database of its own, or in the demo', () => {
    const single = (plan: ReturnType<typeof planWorkers>) => {
      expect(plan.count).toBe(1);
      expect(plan.reason).toEqual(expect.any(String));
    };
    single(planWorkers({ ...shared, redisUrl: undefined, workers: 'auto', cores: 4 }));
    single(planWorkers({ ...shared, databaseUrl: undefined, workers: 2, cores: 4 }));
    single(planWorkers({ ...shared, demo: true, workers: 'auto', cores: 4 }));
  });

  it('gives no reason when one core is all there is', () => {
    expect(planWorkers({ ...shared, redisUrl: undefined, workers: 'auto', cores: 1 })).toEqual({ count: 1 });
  });
});
