import { localIsoDate } from './localDate';
import type { PourStatus } from './wireEnums';

export interface PourBoardFilters {
  /** 'YYYY-MM-DD' */
  day: string;
  /** '' means every status. */
  status: PourStatus | '';
}

export function todayFilters(): PourBoardFilters {
  return { day: localIsoDate(), status: '' };
}
