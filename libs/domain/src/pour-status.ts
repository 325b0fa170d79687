export const POUR_STATUSES = ['draft', 'confirmed', 'ready', 'in_progress', 'completed', 'cancelled'] as const;
export type PourStatus = (typeof POUR_STATUSES)[number];

/**
 * A plan may step back (confirmed → draft, ready → confirmed) to be changed
 * with the customer; once concrete flows it can only finish or be called off.
 */
const POUR_TRANSITIONS: Readonly<Record<PourStatus, readonly PourStatus[]>> = {
  draft: ['confirmed', 'cancelled'],
  confirmed: ['draft', 'ready', 'cancelled'],
  ready: ['confirmed', 'in_progress', 'cancelled'],
  in_progress: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

const EDITABLE_POUR_STATUSES: ReadonlySet<PourStatus> = new Set(['draft', 'confirmed', 'ready']);

export function isPourStatus(value: unknown): value is PourStatus {
  return (POUR_STATUSES as readonly unknown[]).includes(value);
}

export function pourTransitionsFrom(from: PourStatus): readonly PourStatus[] {
  return POUR_TRANSITIONS[from] ?? [];
}

export function canTransitionPour(from: PourStatus, to: PourStatus): boolean {
  return pourTransitionsFrom(from).includes(to);
}

/** Once trucks roll, the plan is the record of what was agreed; it no longer changes. */
export function isPourPlanEditable(status: PourStatus): boolean {
  return EDITABLE_POUR_STATUSES.has(status);
}

export function isPourTerminal(status: PourStatus): boolean {
  return pourTransitionsFrom(status).length === 0;
}
