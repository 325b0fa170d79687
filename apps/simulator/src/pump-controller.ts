import type { LatLng, LoadDto, PourDto, PumpDto, PumpStatus } from '@pourline/contracts';
import { isStopped } from './clock';
import { distanceM, lineStringPoints } from './geo';
import { describeError } from './log';
import { pumpStateFor } from './pump-state';
import { pathAhead } from './truck-agent';
import { type DriverContext, TruckDriver } from './truck-driver';

/** Simulated minutes to wash the pump and lines out and fold the boom after the last truck. */
const CLEAN_DOWN_MIN = 20;
/** Real milliseconds between two looks at the pump's pour. */
const LOOK_EVERY_MS = 1_000;
/** A controller repeats its state this often while nothing changes, as trackers report while standing. */
const UNCHANGED_REPORT_MS = 10_000;
/** Within this of the planned pump position the pump counts as in place. */
const IN_PLACE_M = 25;

/**
 * One pump and its controller. The controller reports the pump's position and
 * state through the same OsmAnd ingest as its tracker (`pumpStatus=…`), as a
 * real controller does: it drives to its pour (moving), sets up before the
 * first truck, pumps while a truck discharges, idles between trucks, and after
 * the pour cleans down and drives home (moving) to stand idle.
 */
export class PumpController {
  readonly driver: TruckDriver;
  private pour: PourDto | null = null;
  private loads: readonly LoadDto[] = [];
  /** The pour it served until the dispatch loop stopped seeing it: what it cleans down after. */
  private finishedPour: PourDto | null = null;
  private reported: { state: PumpStatus; at: number } | null = null;
  /** The dispatch loop has said once what the pump serves: before that, its controller knows nothing to report. */
  private informed = false;
  /** Where the API last saw the pump, if anywhere: a pump already rigged on site stays there. */
  lastKnownPosition: LatLng | null = null;

  constructor(
    readonly pump: PumpDto,
    private readonly home: LatLng,
    private readonly context: DriverContext,
  ) {
    this.driver = new TruckDriver({ label: `pump ${pump.code}`, trackerDeviceId: pump.trackerDeviceId }, home, context);
  }

  /** What the dispatch room sees of the pump's pour now: the pour it serves and its loads, or none. */
  serve(pour: PourDto | null, loads: readonly LoadDto[]): void {
    if (this.pour && this.pour.id !== pour?.id) this.finishedPour = this.pour;
    if (pour) this.finishedPour = null;
    this.pour = pour;
    this.loads = loads;
    this.informed = true;
  }

  /** Runs until the simulation stops; never throws. */
  async run(): Promise<void> {
    const { clock, log, stats } = this.context;
    if (this.lastKnownPosition) this.driver.moveTo(this.lastKnownPosition);
    while (!clock.stopped) {
      try {
        await this.look();
        await clock.sleepReal(LOOK_EVERY_MS);
      } catch (error) {
        if (isStopped(error)) break;
        stats.apiErrors++;
        log(`pump ${this.pump.code}: ${describeError(error)}`);
        try {
          await clock.sleepReal(5_000);
        } catch {
          break;
        }
      }
    }
  }

  private async look(): Promise<void> {
    if (!this.informed) return;
    const pour = this.pour;
    if (pour) {
      const place = pour.pumpPosition ?? siteOf(pour);
      if (distanceM(this.driver.position, place) > IN_PLACE_M) {
        // Seen nowhere yet while its pour is under way: it was rigged on site before the demo began.
        if (this.reported === null && this.lastKnownPosition === null && pour.status === 'in_progress') {
          this.driver.moveTo(place);
        } else {
          return this.driveTo([...pathAhead(lineStringPoints(pour.entryRoute), this.driver.position), place]);
        }
      }
      return this.report(pumpStateFor({ pourLoads: this.loads, inPlace: true, demobilising: false }));
    }
    const finished = this.finishedPour;
    if (finished) {
      this.context.log(`pump ${this.pump.code}: pour at ${finished.projectName} over; cleaning down, then home`);
      await this.report('moving');
      await this.standFor(CLEAN_DOWN_MIN * 60, 'moving');
      // A new pour may have come for it during the clean-down; it then drives there instead.
      if (this.pour) return;
      await this.driveTo([...lineStringPoints(finished.exitRoute), this.home]);
      if (this.finishedPour === finished) this.finishedPour = null;
      return;
    }
    await this.report(pumpStateFor({ pourLoads: null, inPlace: false, demobilising: false }));
  }

  private async driveTo(path: readonly LatLng[]): Promise<void> {
    await this.report('moving');
    await this.driver.drive(path);
  }

  private async standFor(simSeconds: number, state: PumpStatus): Promise<void> {
    const until = Date.now() + this.context.clock.realMs(simSeconds);
    while (Date.now() < until && !this.pour) {
      await this.context.clock.sleepReal(Math.min(LOOK_EVERY_MS, until - Date.now()));
      await this.report(state);
    }
  }

  /** Reports at once when the state changes, and now and then while it does not. */
  private async report(state: PumpStatus): Promise<void> {
    const now = Date.now();
    if (this.reported?.state === state && now - this.reported.at < UNCHANGED_REPORT_MS) return;
    this.driver.fields = { pumpStatus: state };
    await this.driver.report();
    if (this.reported?.state !== state) this.context.log(`pump ${this.pump.code}: ${state.replace('_', ' ')}`);
    this.reported = { state, at: now };
  }
}

function siteOf(pour: PourDto): LatLng {
  const entry = lineStringPoints(pour.entryRoute);
  return entry[entry.length - 1];
}
