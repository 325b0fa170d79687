import { filterInSlices, TurnBudget } from './in-slices';

describe('filterInSlices', () => {
  const items = Array.from({ length: 1_001 }, (_, index) => index);
  const even = (n: number) => n % 2 === 0;

  it('keeps what filter keeps, in order', async () => {
    expect(await filterInSlices(items, even, 100)).toEqual(items.filter(even));
    expect(await filterInSlices([], even, 100)).toEqual([]);
  });

  it('lets the event loop run between slices, and only between them', async () => {
    const judgedWhenOthersRan: number[] = [];
    let judged = 0;
    let running = true;
    const other = () => {
      judgedWhenOthersRan.push(judged);
      if (running) setImmediate(other);
    };
    setImmediate(other);
    await filterInSlices(
      items,
      (n) => {
        judged += 1;
        return even(n);
      },
      100,
    );
    running = false;
    // Eleven slices: the other work ran after each of the first ten, never inside one.
    const during = judgedWhenOthersRan.filter((count) => count < items.length);
    expect(during).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
  });
});

describe('TurnBudget', () => {
  /** Whether work queued on the event loop before `due()` ran before it answered. */
  async function othersRanDuring(turns: TurnBudget): Promise<boolean> {
    let ran = false;
    setImmediate(() => (ran = true));
    await turns.due();
    const answer = ran;
    await new Promise((resolve) => setImmediate(resolve));
    return answer;
  }

  it('hands the event loop back once its budget is spent', async () => {
    expect(await othersRanDuring(new TurnBudget(0))).toBe(true);
  });

  it('goes straight on while the budget lasts', async () => {
    expect(await othersRanDuring(new TurnBudget(60_000))).toBe(false);
  });
});
