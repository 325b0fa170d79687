/** How many API workers this process starts on its port, and why when it is fewer than asked. */
export interface WorkerPlan {
  count: number;
  /** Set when the plan holds one worker although more were asked for or cores are available. */
  reason?: string;
}

export interface WorkerPlanInput {
  workers: 'auto' | number;
  /** Cores this process may use (`os.availableParallelism()`). */
  cores: number;
  redisUrl: string | undefined;
  databaseUrl: string | undefined;
  demo: boolean;
}

/**
 * Several workers share live fan-out through Redis and everything else through
 * PostgreSQL; without either, or with the demo that drives its fleet from one
 * process, a single worker serves.
 */
export function planWorkers(input: WorkerPlanInput): WorkerPlan {
  const wanted = input.workers === 'auto' ? Math.max(1, input.cores) : input.workers;
  if (wanted <= 1) return { count: 1 };
  if (!input.redisUrl)
    return { count: 1, reason: 'REDIS_URL is not set, and workers share live events only through Redis' };
  if (!input.databaseUrl)
    return { count: 1, reason: 'the embedded PostgreSQL belongs to one process; set DATABASE_URL for more' };
  if (input.demo) return { count: 1, reason: 'the demo seeds and drives its fleet from one process' };
  return { count: wanted };
}
