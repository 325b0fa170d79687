/** The tolerance table a plant has chosen; see slump-tolerance.ts. */
export const SLUMP_STANDARDS = ['gb_t_14902', 'astm_c94'] as const;
export type SlumpStandard = (typeof SLUMP_STANDARDS)[number];

/** Ordinary slump, or slump flow (spread) for self-compacting concrete. */
export const SLUMP_KINDS = ['slump', 'slump_flow'] as const;
export type SlumpKind = (typeof SLUMP_KINDS)[number];

export function isSlumpStandard(value: unknown): value is SlumpStandard {
  return (SLUMP_STANDARDS as readonly unknown[]).includes(value);
}

export function isSlumpKind(value: unknown): value is SlumpKind {
  return (SLUMP_KINDS as readonly unknown[]).includes(value);
}
