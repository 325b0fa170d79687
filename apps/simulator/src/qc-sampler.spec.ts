import type { PourDto } from '@pourline/contracts';
import { evaluateSlump } from '@pourline/domain';
import { sampleQcTest } from './qc-sampler';

const pour = { slumpTargetMm: 180, slumpToleranceMm: 30 } as PourDto;

describe(sampleQcTest.name, () => {
  it.each(['gb_t_14902', 'astm_c94'] as const)('passes and fails as intended under %s', (standard) => {
    for (let i = 0; i < 200; i++) {
      for (const fail of [false, true]) {
        const test = sampleQcTest(pour, undefined, 'site', fail);
        const verdict = evaluateSlump({ standard, kind: 'slump', designMm: 180, measuredMm: test.slumpMm });
        expect(verdict.pass).toBe(!fail);
        expect(test.temperatureC).toBeGreaterThanOrEqual(15);
        expect(test.temperatureC).toBeLessThanOrEqual(30);
      }
    }
  });
});
