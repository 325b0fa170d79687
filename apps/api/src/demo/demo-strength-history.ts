import type { DemoMixKey } from './demo-mixes';
import type { DemoSiteKey } from './demo-places';

/** How far back the demo's specimen history reaches. */
export const HISTORY_DAYS = 150;

/**
 * A stream of past pours of one mix at one site: on a share of the days, a
 * pour with a few specimen sets, whose 28-day value scatters around the
 * plant's usual production level and whose 7-day value is it divided by the
 * mix's 7/28-day ratio.
 */
export interface HistoryStream {
  site: DemoSiteKey;
  mix: DemoMixKey;
  /** Days ago, inclusive: when this part of the building was being poured. */
  fromDaysAgo: number;
  toDaysAgo: number;
  /** Share of days with a pour. */
  pourShare: number;
  setsPerPour: [min: number, max: number];
  /** Local start time of the pour. */
  start: `${number}:${number}`;
  elements: string[];
  meanMpa: number;
  sigmaMpa: number;
  /** f28 / f7 of this mix. */
  ratio: number;
}

export const HISTORY_STREAMS: HistoryStream[] = [
  {
    site: 'jiulongLake',
    mix: 'c30',
    fromDaysAgo: HISTORY_DAYS,
    toDaysAgo: 1,
    pourShare: 0.7,
    setsPerPour: [1, 3],
    start: '07:30',
    elements: ['Building 1, {n}F slab and beams', 'Building 2, {n}F slab and beams', 'Building 3, {n}F slab'],
    meanMpa: 38.5,
    sigmaMpa: 2.4,
    ratio: 1.48,
  },
  {
    site: 'jiulongLake',
    mix: 'c35',
    fromDaysAgo: HISTORY_DAYS,
    toDaysAgo: 1,
    pourShare: 0.8,
    setsPerPour: [1, 2],
    start: '13:00',
    elements: ['Building 3, {n}F columns and core walls', 'Building 2, {n}F columns and shear walls'],
    meanMpa: 43.5,
    sigmaMpa: 2.5,
    ratio: 1.45,
  },
  {
    site: 'baijiahu',
    mix: 'c35p8',
    fromDaysAgo: HISTORY_DAYS,
    toDaysAgo: 85,
    pourShare: 0.7,
    setsPerPour: [2, 3],
    start: '06:30',
    elements: ['B1 raft foundation, zone {n}', 'B1 external walls, section {n}'],
    meanMpa: 44,
    sigmaMpa: 2.5,
    ratio: 1.52,
  },
  {
    site: 'baijiahu',
    mix: 'c30',
    fromDaysAgo: 84,
    toDaysAgo: 1,
    pourShare: 0.6,
    setsPerPour: [1, 3],
    start: '18:30',
    elements: ['Podium, {n}F slab and beams, axis A–F', 'Podium, {n}F slab and beams, axis F–L'],
    meanMpa: 38.5,
    sigmaMpa: 2.4,
    ratio: 1.48,
  },
  {
    site: 'hospital',
    mix: 'c40',
    fromDaysAgo: HISTORY_DAYS,
    toDaysAgo: 1,
    pourShare: 0.8,
    setsPerPour: [1, 2],
    start: '08:00',
    elements: ['Outpatient block, {n}F columns and beams', 'Outpatient block, {n}F slab'],
    meanMpa: 48.5,
    sigmaMpa: 2.6,
    ratio: 1.42,
  },
  {
    site: 'fangshan',
    mix: 'c30',
    fromDaysAgo: HISTORY_DAYS,
    toDaysAgo: 1,
    pourShare: 0.8,
    setsPerPour: [1, 2],
    start: '09:30',
    elements: ['R&D building, {n}F slab', 'Pilot workshop, {n}F slab and beams'],
    meanMpa: 38,
    sigmaMpa: 2.5,
    ratio: 1.46,
  },
];

/**
 * What the history is there to show. A month in which the Development Zone
 * plant's C30 scattered more than GB 50164 allows (a sand supply that
 * varied), and an outpatient block whose C40 has come out weaker over the
 * last weeks (a new cement lot): its 7-day results already say so.
 */
export const HISTORY_EPISODES = {
  /** The calendar month this many months back has σ of 4.2 MPa for C30 at JN-01. */
  variableC30MonthsAgo: 2,
  variableC30SigmaMpa: 4.2,
  /** C40 at the hospital made in the last this many days averages only this much at 28 days. */
  weakC40Days: 24,
  weakC40MeanMpa: 41.5,
} as const;

/** Inspection lots as the supervising engineers defined them, by the pours they take in. */
export interface HistoryLot {
  name: string;
  site: DemoSiteKey;
  mix: DemoMixKey;
  fromDaysAgo: number;
  toDaysAgo: number;
  /** Only the first pour of the range, which then has exactly this many sets. */
  singlePourOfSets?: number;
}

export const HISTORY_LOTS: HistoryLot[] = [
  { name: 'B1 raft foundation, zones 1–3', site: 'baijiahu', mix: 'c35p8', fromDaysAgo: 104, toDaysAgo: 96 },
  { name: 'Outpatient block, 2F–3F frame', site: 'hospital', mix: 'c40', fromDaysAgo: 75, toDaysAgo: 50 },
  {
    name: 'Building 3, 1F columns (3 consecutive sets)',
    site: 'jiulongLake',
    mix: 'c35',
    fromDaysAgo: 40,
    toDaysAgo: 40,
    singlePourOfSets: 3,
  },
  { name: 'R&D building, 2F slab', site: 'fangshan', mix: 'c30', fromDaysAgo: 45, toDaysAgo: 41 },
  { name: 'Outpatient block, 4F–5F frame', site: 'hospital', mix: 'c40', fromDaysAgo: 24, toDaysAgo: 1 },
];
