import { PumpQueue } from './pump-queue';

describe(PumpQueue.name, () => {
  it('lets trucks discharge one at a time, in arrival order', async () => {
    const pumps = new PumpQueue();
    const order: string[] = [];
    await pumps.acquire('pour', 'T01');
    const second = pumps.acquire('pour', 'T02').then(() => order.push('T02'));
    const third = pumps.acquire('pour', 'T03').then(() => order.push('T03'));
    expect(pumps.queueLength('pour')).toBe(2);
    pumps.release('pour', 'T01');
    await second;
    pumps.release('pour', 'T02');
    await third;
    expect(order).toEqual(['T02', 'T03']);
    expect(pumps.queueLength('pour')).toBe(0);
  });

  it('keeps pours apart', async () => {
    const pumps = new PumpQueue();
    await pumps.acquire('a', 'T01');
    await expect(pumps.acquire('b', 'T02')).resolves.toBeUndefined();
  });
});
