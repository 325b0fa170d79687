import type { RuleSet } from './rule-set';
import type { SlumpKind } from './slump-standard';
import { slumpToleranceMm } from './slump-tolerance';

/**
 * The slump tolerance a load is held to: the one agreed with the customer on
 * the pour, never looser than the mix's own or, without one, the plant's
 * standard table. The API decides by it and the console previews by it.
 */
export function agreedSlumpToleranceMm(
  pour: { slumpTargetMm: number; slumpToleranceMm: number },
  mix: { slumpKind: SlumpKind; slumpToleranceMm: number | null },
  rules: Pick<RuleSet, 'standard'>,
): number {
  const standard = mix.slumpToleranceMm ?? slumpToleranceMm(rules.standard, mix.slumpKind, pour.slumpTargetMm);
  return Math.min(pour.slumpToleranceMm, standard);
}
