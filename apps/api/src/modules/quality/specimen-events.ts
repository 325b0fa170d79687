import { Injectable, Logger } from '@nestjs/common';

/** Results at one age were recorded for a specimen set; the write has committed. */
export interface SpecimenResultsRecorded {
  setId: string;
  pourId: string;
  ageDays: 7 | 28;
}

type Listener = (event: SpecimenResultsRecorded) => Promise<void>;

/**
 * What follows from a strength result (lot verdicts, production control,
 * early warnings) belongs to other modules: they listen here. Listeners are
 * awaited, so the answer to the inspector comes after the follow-up, but a
 * failing listener never fails a result that is already recorded.
 */
@Injectable()
export class SpecimenEvents {
  private readonly logger = new Logger(SpecimenEvents.name);
  private readonly listeners: Listener[] = [];

  onResultsRecorded(listener: Listener): void {
    this.listeners.push(listener);
  }

  async resultsRecorded(event: SpecimenResultsRecorded): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(event);
      } catch (error) {
        this.logger.error(`after results of specimen set ${event.setId}: ${String(error)}`);
      }
    }
  }
}
