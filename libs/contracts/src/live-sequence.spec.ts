import { LiveSequence } from './live-sequence';

const event = (seq: number) => ({ seq });
const seqs = (items: { event: { seq: number } }[]) => items.map((item) => item.event.seq);

describe(LiveSequence.name, () => {
  it('buffers replay and live events mixed until ready, then applies them once, in order', () => {
    const sequence = new LiveSequence<string, { seq: number }>();
    for (const seq of [5, 3, 4, 5, 6, 3]) expect(sequence.receive('e', event(seq))).toEqual([]);
    expect(seqs(sequence.ready(5))).toEqual([3, 4, 5, 6]);
    expect(sequence.lastApplied).toBe(6);
  });

  it('drops a number at or below the last applied once live, and applies the next', () => {
    const sequence = new LiveSequence<string, { seq: number }>();
    sequence.ready(10);
    expect(seqs(sequence.receive('e', event(9)))).toEqual([]);
    expect(seqs(sequence.receive('e', event(10)))).toEqual([]);
    expect(seqs(sequence.receive('e', event(12)))).toEqual([12]);
    expect(sequence.lastApplied).toBe(12);
  });

  it('resumes from the last applied after a drop, not from the highest number seen while connecting', () => {
    const sequence = new LiveSequence<string, { seq: number }>();
    sequence.ready(2);
    sequence.receive('e', event(3));
    sequence.disconnected();
    // A live event seen during a connect that never became ready is not applied, nor counted.
    sequence.receive('e', event(7));
    sequence.disconnected();
    expect(sequence.lastApplied).toBe(3);
    sequence.receive('e', event(4));
    expect(seqs(sequence.ready(7))).toEqual([4]);
    expect(sequence.lastApplied).toBe(7);
  });

  it('forgets its numbers on a reset, so the server’s lower numbers are applied', () => {
    const sequence = new LiveSequence<string, { seq: number }>();
    sequence.ready(900);
    sequence.disconnected();
    sequence.receive('e', event(950));
    sequence.reset();
    sequence.receive('e', event(40));
    expect(seqs(sequence.ready(40))).toEqual([40]);
    expect(seqs(sequence.receive('e', event(41)))).toEqual([41]);
  });
});
