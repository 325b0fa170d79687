import { Injectable } from '@nestjs/common';
import type { ProductionControlDto, ProductionControlPeriodDto, ProductionControlQuery } from '@pourline/contracts';
import {
  localDateInZone,
  parseStrengthGrade,
  PRODUCTION_CONTROL_STANDARD,
  productionControlFigures,
  type ProductionControlFigures,
} from '@pourline/domain';
import type { PlantEntity } from '../plants/plant.entity';
import { PlantsService } from '../plants/plants.service';
import { valuesOf } from './strength-samples';
import { StrengthRepository } from './strength.repository';

const DAY_MS = 86_400_000;
/** Shown by default: the current month and the five before it. */
const DEFAULT_MONTHS = 6;

/** 'YYYY-MM-DD' one month or more before or after. */
function addMonths(isoDate: string, months: number): string {
  const [year, month] = isoDate.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

function lastDayOfMonth(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(year, monthNumber, 0)).getUTCDate()).padStart(2, '0')}`;
}

function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let day = `${from.slice(0, 7)}-01`; day <= to; day = addMonths(day, 1)) months.push(day.slice(0, 7));
  return months;
}

/** A ready-mix plant's own strength statistics per GB 50164, by month or over a period. */
@Injectable()
export class ProductionControl {
  constructor(
    private readonly repository: StrengthRepository,
    private readonly plants: PlantsService,
  ) {}

  async figures(query: ProductionControlQuery, now = new Date()): Promise<ProductionControlDto> {
    const plant = await this.plants.require(query.plantId);
    const today = localDateInZone(now, plant.timeZone);
    const to = query.to ?? today;
    const from = query.from ?? addMonths(to, -(DEFAULT_MONTHS - 1));
    const byGradeAndDay = await this.valuesByDay(plant, from, to);
    const periods: ProductionControlPeriodDto[] =
      query.period === 'whole'
        ? [this.period(`${from} – ${to}`, from, to, byGradeAndDay)]
        : monthsBetween(from, to).map((month) => {
            const start = `${month}-01` < from ? from : `${month}-01`;
            const end = lastDayOfMonth(month) > to ? to : lastDayOfMonth(month);
            return this.period(month, start, end, byGradeAndDay);
          });
    return {
      standard: PRODUCTION_CONTROL_STANDARD,
      plantId: plant.id,
      plantCode: plant.code,
      plantName: plant.name,
      timeZone: plant.timeZone,
      from,
      to,
      periods,
    };
  }

  /** One grade of one month, for the alert raised when it leaves its limits. */
  async monthOfGrade(plantId: string, strengthGrade: string, month: string): Promise<ProductionControlFigures> {
    const dto = await this.figures({ plantId, from: `${month}-01`, to: lastDayOfMonth(month), period: 'month' });
    return (
      dto.periods[0].grades.find((grade) => grade.grade === strengthGrade) ??
      productionControlFigures(strengthGrade, [])
    );
  }

  /** The plant-local month a set was made in. */
  monthOf(plant: PlantEntity, madeAt: Date): string {
    return localDateInZone(madeAt, plant.timeZone).slice(0, 7);
  }

  csv(dto: ProductionControlDto): string {
    const header = [
      'plant',
      'period',
      'grade',
      'sets',
      'mean_mpa',
      'sigma_mpa',
      'sigma_limit_mpa',
      'sigma_within_limit',
      'sets_at_least_grade',
      'share_at_least_grade_percent',
      'share_within_limit',
      'status',
    ];
    const cell = (value: string | number | boolean | null) => (value === null ? '' : String(value));
    const rows = dto.periods.flatMap((period) =>
      period.grades.map((grade) =>
        [
          dto.plantCode,
          period.label,
          grade.grade,
          grade.sets,
          grade.meanMpa,
          grade.sigmaMpa,
          grade.sigmaLimitMpa,
          grade.sigmaWithinLimit,
          grade.setsAtLeastGrade,
          grade.shareAtLeastGradePercent,
          grade.shareWithinLimit,
          grade.status,
        ]
          .map(cell)
          .join(','),
      ),
    );
    return `${[header.join(','), ...rows].join('\r\n')}\r\n`;
  }

  private period(
    label: string,
    from: string,
    to: string,
    byGradeAndDay: Map<string, { day: string; valueMpa: number }[]>,
  ): ProductionControlPeriodDto {
    const grades = [...byGradeAndDay.entries()]
      .map(([grade, values]) => ({
        grade,
        values: values.filter((value) => value.day >= from && value.day <= to).map((value) => value.valueMpa),
      }))
      .filter((entry) => entry.values.length > 0)
      .sort((a, b) => parseStrengthGrade(a.grade) - parseStrengthGrade(b.grade))
      .map((entry) => productionControlFigures(entry.grade, entry.values));
    return { label, from, to, grades };
  }

  /** Valid 28-day values per grade with the plant-local day each set was made on. */
  private async valuesByDay(plant: PlantEntity, from: string, to: string) {
    // A local day lies within a day of the UTC one; the local date decides below.
    const samples = await this.repository.samples({
      plantId: plant.id,
      withResultsAt: 28,
      madeFrom: new Date(Date.parse(`${from}T00:00:00Z`) - DAY_MS),
      madeBefore: new Date(Date.parse(`${to}T00:00:00Z`) + 2 * DAY_MS),
    });
    const byGrade = new Map<string, { day: string; valueMpa: number }[]>();
    for (const sample of samples) {
      const valueMpa = valuesOf(sample).strength28dMpa;
      if (valueMpa === null) continue;
      const entries = byGrade.get(sample.strengthGrade) ?? [];
      entries.push({ day: localDateInZone(sample.madeAt, plant.timeZone), valueMpa });
      byGrade.set(sample.strengthGrade, entries);
    }
    return byGrade;
  }
}
