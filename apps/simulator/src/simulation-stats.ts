/** What a run did, for the summary line and for whoever embeds the simulator. */
export interface SimulationStats {
  loadsCreated: number;
  replacementsAssigned: number;
  plantHolds: number;
  siteRejections: number;
  dischargesCompleted: number;
  /** Loads whose truck came back to the plant: a whole cycle. */
  cyclesCompleted: number;
  /** Pours completed once their volume was delivered. */
  poursCompleted: number;
  /** Steps the geofences did not take in time, confirmed through the manual endpoints instead. */
  manualFallbacks: number;
  positionsSent: number;
  positionsRefused: number;
  apiErrors: number;
}

export function emptyStats(): SimulationStats {
  return {
    loadsCreated: 0,
    replacementsAssigned: 0,
    plantHolds: 0,
    siteRejections: 0,
    dischargesCompleted: 0,
    cyclesCompleted: 0,
    poursCompleted: 0,
    manualFallbacks: 0,
    positionsSent: 0,
    positionsRefused: 0,
    apiErrors: 0,
  };
}

export function formatStats(stats: SimulationStats): string {
  return (
    `loads created ${stats.loadsCreated} (+${stats.replacementsAssigned} replacements), ` +
    `discharged ${stats.dischargesCompleted}, whole cycles ${stats.cyclesCompleted}, pours completed ${stats.poursCompleted}, ` +
    `held at plant ${stats.plantHolds}, rejected on site ${stats.siteRejections}, ` +
    `manual fallbacks ${stats.manualFallbacks}, positions ${stats.positionsSent} sent / ${stats.positionsRefused} refused, ` +
    `API errors ${stats.apiErrors}`
  );
}
