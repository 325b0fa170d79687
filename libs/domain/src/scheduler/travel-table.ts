import type { SchedulerPlace, SchedulerTravel } from './types';

/** Travel figures looked up by id; a leg without a figure cannot be driven (Infinity). */
export class TravelTable {
  constructor(private readonly travel: SchedulerTravel) {}

  plantToPour(plantId: string, pourId: string): number {
    return this.travel.plantToPour[plantId]?.[pourId] ?? Number.POSITIVE_INFINITY;
  }

  pourToPlant(pourId: string, plantId: string): number {
    const back = this.travel.pourToPlant?.[pourId]?.[plantId];
    return back ?? this.plantToPour(plantId, pourId);
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
