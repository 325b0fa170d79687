/** How the trackers' fixes of a run fared, summed over every attempt of every fix. */
export interface FixCounts {
  sent: number;
  accepted: number;
  /** Refused for their content (a 4xx other than 503), not sent again. */
  refused: number;
  /** Answers of 503, or none, each attempt counted. */
  unavailable: number;
  /** Fixes accepted only when sent again. */
  resent: number;
  /** Fixes still not accepted after every attempt. */
  lost: number;
}

export function noFixes(): FixCounts {
  return { sent: 0, accepted: 0, refused: 0, unavailable: 0, resent: 0, lost: 0 };
}

/** Adds `more` into `into`. */
export function addFixes(into: FixCounts, more: FixCounts): void {
  for (const key of Object.keys(into) as (keyof FixCounts)[]) into[key] += more[key];
}
