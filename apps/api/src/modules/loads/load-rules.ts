import { dischargeDeadline, type RuleSet, ruleSetFor } from '@pourline/domain';
import type { MixEntity } from '../mixes/mix.entity';
import type { PlantEntity } from '../plants/plant.entity';
import type { PourEntity } from '../pours/pour.entity';

/** The rules a plant's loads are judged by. */
export function plantRuleSet(plant: PlantEntity): RuleSet {
  return ruleSetFor(plant.slumpStandard, plant.ruleOverrides);
}

/** The pour's own setting time wins over the mix's: it was agreed for this element and weather. */
export function loadDeadline(batchedAt: Date, pour: PourEntity, mix: MixEntity, rules: RuleSet) {
  return dischargeDeadline({
    batchedAt,
    maxMinutesBatchToDischarge: mix.maxMinutesBatchToDischarge ?? rules.maxMinutesBatchToDischarge,
    initialSettingMinutes: pour.initialSettingMinutes,
    safetyMarginMinutes: rules.safetyMarginMinutes,
  });
}
