import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** The search's random choices, repeatable for a seed (Math.random cannot be seeded). */
export interface SeededRandom {
  /** In [0, 1). */
  fraction(): number;
  /** An integer in [0, below). */
  below(below: number): number;
}

export function seededRandom(seed: number): SeededRandom {
  const generator = xoroshiro128plus(seed | 0);
  return {
    fraction: () => uniformFloat64(generator),
    below: (below) => uniformInt(generator, 0, below - 1),
  };
}
