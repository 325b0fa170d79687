import { type DayState, type Dispatch, type DispatchPolicy, stillNeededM3 } from './day-simulation';

/**
 * The baseline: the next free truck goes to the pour whose last load left
 * longest ago, among the pours its plant serves that have started (or whose
 * first truck must leave now to reach the planned start) and still need
 * concrete. No look-ahead, no pacing.
 */
export class FifoPolicy implements DispatchPolicy {
  readonly name = 'FIFO';

  decide(day: DayState, nowMinute: number): Dispatch[] {
    const dispatches: Dispatch[] = [];
    const promisedM3 = new Map<string, number>();
    const lastLeft = new Map(day.pours.map((pour) => [pour.pour.id, pour.lastDepartMinute ?? -Infinity]));
    const idle = day.trucks
      .filter((truck) => !truck.broken && !truck.load && truck.freeFromMinute <= nowMinute)
      .sort((a, b) => a.freeFromMinute - b.freeFromMinute || a.id.localeCompare(b.id));
    for (const truck of idle) {
      const plant = day.scenario.plants.find((candidate) => candidate.id === truck.plantId)!;
      const open = day.pours.filter((pour) => {
        const leadMinutes = plant.loadingMinutes + day.travel(plant.id, pour.pour.id);
        const needM3 = stillNeededM3(day, pour) - (promisedM3.get(pour.pour.id) ?? 0);
        return (
          pour.pour.plantIds.includes(plant.id) &&
          needM3 > 1e-9 &&
          nowMinute >= pour.pour.scheduledStartMinute - leadMinutes
        );
      });
      if (open.length === 0) continue;
      open.sort(
        (a, b) =>
          lastLeft.get(a.pour.id)! - lastLeft.get(b.pour.id)! ||
          a.pour.scheduledStartMinute - b.pour.scheduledStartMinute,
      );
      const pour = open[0];
      const volumeM3 = Math.min(truck.capacityM3, stillNeededM3(day, pour) - (promisedM3.get(pour.pour.id) ?? 0));
      promisedM3.set(pour.pour.id, (promisedM3.get(pour.pour.id) ?? 0) + volumeM3);
      lastLeft.set(pour.pour.id, nowMinute);
      dispatches.push({ truckId: truck.id, pourId: pour.pour.id, plantId: plant.id, volumeM3 });
    }
    return dispatches;
  }
}
