import type { DocumentType, PourStatus } from '@pourline/domain';
import type { DemoPumpKey } from './demo-fleet';
import type { DemoMixKey } from './demo-mixes';
import type { DemoSiteKey } from './demo-places';

/** Metres east and north of the site's centre. */
type SiteOffset = [eastM: number, northM: number];

export interface DemoPour {
  site: DemoSiteKey;
  /** Where the day has got to; the seeder walks the pour there through every status. */
  status: Exclude<PourStatus, 'cancelled'>;
  structuralElement: string;
  /** Local time in the plant's zone, today. */
  start: `${number}:${number}`;
  volumeM3: number;
  pourRateM3PerHour: number;
  startPoint: SiteOffset;
  endPoint: SiteOffset;
  direction: string;
  pump: DemoPumpKey;
  pumpPosition: SiteOffset;
  pumpingMethod: 'boom_pump' | 'line_pump';
  truckCount: number;
  /** Target slump and initial setting time come from the mix design. */
  mix: DemoMixKey;
  slumpToleranceMm: number;
  notes: string;
  /**
   * Reports handed to the construction party; a pour at ready or beyond has
   * all of them, since the release gate demands it.
   */
  reports?: { delivered: DocumentType[]; uploadedOnly: DocumentType[] };
  /** Loads of the day so far (by order) that failed their first plant test and were adjusted. */
  heldAtPlant?: number[];
}

export const DEMO_POURS: DemoPour[] = [
  {
    site: 'jiulongLake',
    status: 'completed',
    structuralElement: 'Building 3, 2F columns and core walls, axis 1–8',
    start: '04:30',
    volumeM3: 96,
    pourRateM3PerHour: 30,
    startPoint: [-45, 25],
    endPoint: [40, 25],
    direction: 'Core walls first, then columns from axis 1 to axis 8, 500 mm lifts',
    pump: 'p1',
    pumpPosition: [0, 68],
    pumpingMethod: 'boom_pump',
    truckCount: 3,
    mix: 'c35',
    slumpToleranceMm: 30,
    notes:
      'Early start before the morning traffic. Supervisor Huang Wei witnesses specimen making: one set per 100 m³.',
  },
  {
    site: 'baijiahu',
    status: 'in_progress',
    structuralElement: 'B1 raft foundation, zone 2 (axis 7–14)',
    start: '07:00',
    volumeM3: 380,
    pourRateM3PerHour: 55,
    startPoint: [60, -10],
    endPoint: [-55, -10],
    direction: 'From axis 14 westward to axis 7 in 400 mm layers, stepped face, no cold joints',
    pump: 'p3',
    pumpPosition: [10, 62],
    pumpingMethod: 'boom_pump',
    truckCount: 7,
    mix: 'c35p8',
    slumpToleranceMm: 30,
    notes:
      'Mass pour: retarded P8 mix, keep the layer gap under 2 h. Water-stop at the zone 1 joint is inspected. Enter from Tianyuan Road gate 1.',
    heldAtPlant: [3],
  },
  {
    site: 'hospital',
    status: 'in_progress',
    structuralElement: 'Outpatient block, 5F columns and beams, axis C–H',
    start: '08:30',
    volumeM3: 120,
    pourRateM3PerHour: 35,
    startPoint: [-50, 15],
    endPoint: [50, -15],
    direction: 'Columns first (C to H), then beams and joints, working eastward',
    pump: 'p4',
    pumpPosition: [-20, 64],
    pumpingMethod: 'line_pump',
    truckCount: 4,
    mix: 'c40',
    slumpToleranceMm: 30,
    notes:
      'Delivery line runs up the north stair core. Hospital in operation next door: no horns, wash out only at the bay by gate 2.',
  },
  {
    site: 'fangshan',
    status: 'ready',
    structuralElement: 'R&D building, 3F slab, axis A–D',
    start: '10:30',
    volumeM3: 210,
    pourRateM3PerHour: 45,
    startPoint: [-70, 30],
    endPoint: [65, -30],
    direction: 'From axis A toward axis D, full depth, screeded behind the pour',
    pump: 'p2',
    pumpPosition: [-30, 78],
    pumpingMethod: 'boom_pump',
    truckCount: 5,
    mix: 'c30',
    slumpToleranceMm: 30,
    notes: 'Post-tensioning ducts in bays B–C: vibrate with care. Curing with film right after finishing.',
  },
  {
    site: 'jiulongLake',
    status: 'confirmed',
    structuralElement: 'Underground garage, B1 roof slab, axis 2–6',
    start: '13:30',
    volumeM3: 150,
    pourRateM3PerHour: 40,
    startPoint: [-60, -20],
    endPoint: [55, -20],
    direction: 'From axis 2 eastward to axis 6, one continuous strip',
    pump: 'p1',
    pumpPosition: [-25, 70],
    pumpingMethod: 'boom_pump',
    truckCount: 4,
    mix: 'c30p6',
    slumpToleranceMm: 30,
    notes:
      'Waterproof roof slab under the garden: 14-day wet curing. The aggregate and admixture reports are still due.',
    reports: {
      delivered: ['mix_design_report', 'cement_report', 'sand_report'],
      uploadedOnly: ['coarse_aggregate_report'],
    },
  },
  {
    site: 'hospital',
    status: 'draft',
    structuralElement: 'Main entrance ramp and canopy slab, axis 1–3',
    start: '15:00',
    volumeM3: 65,
    pourRateM3PerHour: 30,
    startPoint: [-30, 55],
    endPoint: [20, 40],
    direction: 'Ramp from the bottom up, then the canopy slab',
    pump: 'p4',
    pumpPosition: [-45, 66],
    pumpingMethod: 'line_pump',
    truckCount: 3,
    mix: 'c30air',
    slumpToleranceMm: 30,
    notes:
      'Air-entrained mix: test air content on every load at the plant and on site. Volume to be confirmed after rebar inspection.',
  },
  {
    site: 'baijiahu',
    status: 'draft',
    structuralElement: 'Podium, 4F slab and beams, axis A–F',
    start: '19:30',
    volumeM3: 260,
    pourRateM3PerHour: 50,
    startPoint: [-60, 35],
    endPoint: [60, -35],
    direction: 'From axis A toward axis F, beams together with the slab',
    pump: 'p3',
    pumpPosition: [-15, 62],
    pumpingMethod: 'boom_pump',
    truckCount: 6,
    mix: 'c30',
    slumpToleranceMm: 30,
    // The customer has its own account: the mix design and cement reports await its acknowledgement.
    reports: {
      delivered: ['sand_report', 'coarse_aggregate_report'],
      uploadedOnly: ['mix_design_report', 'cement_report'],
    },
    notes: 'Night pour: the site has the noise permit for 19:00–02:00. Lighting towers at the north gate.',
  },
];
