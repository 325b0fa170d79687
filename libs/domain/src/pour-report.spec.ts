import { type LoadCycleTimes, pourReportFigures } from './pour-report';

const start = new Date('2026-11-30T01:00:00Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

function load(ticket: string, batchedMinute: number, overrides: Partial<LoadCycleTimes> = {}): LoadCycleTimes {
  return {
    ticketNumber: ticket,
    volumeM3: 10,
    rejected: false,
    batchedAt: at(batchedMinute),
    leftPlantAt: at(batchedMinute + 10),
    arrivedAt: at(batchedMinute + 40),
    dischargeStartedAt: at(batchedMinute + 45),
    dischargeEndedAt: at(batchedMinute + 65),
    backAtPlantAt: at(batchedMinute + 100),
    ...overrides,
  };
}

describe(pourReportFigures.name, () => {
  it('splits each truck cycle into plant, travel, waiting, discharge and the whole', () => {
    const figures = pourReportFigures(30, start, [load('T1', -40)]);
    expect(figures.cycles[0]).toMatchObject({
      atPlantMinutes: 10,
      travelMinutes: 30,
      waitOnSiteMinutes: 5,
      dischargeMinutes: 20,
      cycleMinutes: 100,
      pumpIdleBeforeMinutes: null,
      punctual: null,
    });
    expect(figures.firstArrivalLateMinutes).toBe(0);
    expect(figures.meanCycleMinutes).toBe(100);
  });

  it('counts the pump idle between discharges and judges a truck punctual when it waited for the pump', () => {
    // T2 arrives while T1 still discharges: punctual, no idle. T3 arrives 10 min after T2 ends: late, 15 min idle.
    const loads = [load('T1', -40), load('T2', -25), load('T3', 5, { arrivedAt: at(50), dischargeStartedAt: at(55) })];
    const figures = pourReportFigures(30, start, loads);
    expect(figures.cycles.map((cycle) => [cycle.pumpIdleBeforeMinutes, cycle.punctual])).toEqual([
      [null, null],
      [0, true],
      [15, false],
    ]);
    expect(figures.pumpIdleMinutes).toBe(15);
    expect(figures.punctualSharePercent).toBe(50);
  });

  it('keeps rejected loads out of delivered volume and out of the pump rhythm', () => {
    const loads = [
      load('T1', -40),
      load('T2', -30, { rejected: true, dischargeStartedAt: null, dischargeEndedAt: null }),
      load('T3', -20),
    ];
    const figures = pourReportFigures(40, start, loads);
    expect(figures).toMatchObject({ plannedM3: 40, deliveredM3: 20, rejectedM3: 10, loads: 3, rejectedLoads: 1 });
    expect(figures.cycles[2].pumpIdleBeforeMinutes).toBe(0);
  });

  it('has no figures for a pour without loads', () => {
    expect(pourReportFigures(40, start, [])).toMatchObject({
      deliveredM3: 0,
      firstArrivalLateMinutes: null,
      punctualSharePercent: null,
      meanCycleMinutes: null,
    });
  });
});
