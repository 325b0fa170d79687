import type { PourStatus } from './wireEnums';

export interface PourBoardFilters {
  /** 'YYYY-MM-DD' */
  day: string;
  /** '' means every status. */
  status: PourStatus | '';
}
