import type { SchedulerPlace, SchedulerPlant, SchedulerPour, SchedulerTravel } from './types';

/**
 * Travel figures looked up by id, or by the plant's and pour's place in the
 * input (the construction's inner loops: no string keys there); a leg
 * without a figure cannot be driven (Infinity).
 */
export class TravelTable {
  readonly plantIndex: ReadonlyMap<string, number>;
  readonly pourIndex: ReadonlyMap<string, number>;
  private readonly toPour: Float64Array;
  private readonly toPlant: Float64Array;

  constructor(
    private readonly travel: SchedulerTravel,
    plants: readonly SchedulerPlant[] = [],
    pours: readonly SchedulerPour[] = [],
  ) {
    this.plantIndex = new Map(plants.map((plant, i) => [plant.id, i]));
    this.pourIndex = new Map(pours.map((pour, i) => [pour.id, i]));
    this.toPour = new Float64Array(plants.length * pours.length);
    this.toPlant = new Float64Array(plants.length * pours.length);
    plants.forEach((plant, p) => {
      pours.forEach((pour, o) => {
        this.toPour[p * pours.length + o] = this.plantToPour(plant.id, pour.id);
        this.toPlant[o * plants.length + p] = this.pourToPlant(pour.id, plant.id);
      });
    });
  }

  plantToPour(plantId: string, pourId: string): number {
    return this.travel.plantToPour[plantId]?.[pourId] ?? Number.POSITIVE_INFINITY;
  }

  pourToPlant(pourId: string, plantId: string): number {
    const back = this.travel.pourToPlant?.[pourId]?.[plantId];
    return back ?? this.plantToPour(plantId, pourId);
  }

  /** `plantToPour` by the plant's and the pour's places in the input. */
  plantToPourAt(plant: number, pour: number): number {
    return this.toPour[plant * this.pourIndex.size + pour];
  }

  /** `pourToPlant` by the pour's and the plant's places in the input. */
  pourToPlantAt(pour: number, plant: number): number {
    return this.toPlant[pour * this.plantIndex.size + plant];
  }

  placeToPlant(place: SchedulerPlace, plantId: string): number {
    switch (place.kind) {
      case 'plant':
        if (place.plantId === plantId) return 0;
        return this.travel.plantToPlant?.[place.plantId]?.[plantId] ?? Number.POSITIVE_INFINITY;
      case 'pour':
        return this.pourToPlant(place.pourId, plantId);
      case 'elsewhere':
        return place.minutesToPlant[plantId] ?? Number.POSITIVE_INFINITY;
    }
  }
}
