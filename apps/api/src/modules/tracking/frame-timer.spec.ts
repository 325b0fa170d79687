import { FRAME_WINDOW_MS, FrameTimer, MIN_FRAME_GAP_MS } from './frame-timer';

describe('FrameTimer', () => {
  let sent: number[];
  let timer: FrameTimer;
  /** The frame being sent finishes when this is called. */
  let finishSending: (() => void) | null;

  beforeEach(() => {
    jest.useFakeTimers();
    sent = [];
    finishSending = null;
    timer = new FrameTimer(
      () =>
        new Promise<void>((resolve) => {
          sent.push(performance.now());
          finishSending = resolve;
        }),
    );
  });

  afterEach(() => {
    timer.stop();
    jest.useRealTimers();
  });

  const done = async () => {
    finishSending?.();
    finishSending = null;
    await jest.advanceTimersByTimeAsync(0);
  };

  it('sends a fix a window after the server took it, the time its commit took included', async () => {
    // Taken 70 ms ago, committed only now: 30 ms are left of its window, not a whole one.
    timer.waiting(performance.now() - 70);
    await jest.advanceTimersByTimeAsync(FRAME_WINDOW_MS - 70 - 1);
    expect(sent).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(1);
  });

  it('sends the fixes that come in within the window of the oldest in one frame', async () => {
    timer.waiting(performance.now());
    await jest.advanceTimersByTimeAsync(40);
    timer.waiting(performance.now());
    timer.waiting(performance.now() - 10);
    await jest.advanceTimersByTimeAsync(FRAME_WINDOW_MS - 40);
    expect(sent).toHaveLength(1);
    await done();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(sent).toHaveLength(1);
  });

  it('keeps frames a gap apart when commits are slower than the window', async () => {
    timer.waiting(performance.now() - 500);
    await jest.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);
    await done();
    await jest.advanceTimersByTimeAsync(10);
    // Late as well, but a frame went 10 ms ago.
    timer.waiting(performance.now() - 500);
    await jest.advanceTimersByTimeAsync(MIN_FRAME_GAP_MS - 10 - 1);
    expect(sent).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(2);
  });

  it('sends the next frame only once the one before it has gone', async () => {
    timer.waiting(performance.now() - 500);
    await jest.advanceTimersByTimeAsync(0);
    timer.waiting(performance.now() - 500);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(sent).toHaveLength(1);
    await done();
    expect(sent).toHaveLength(2);
  });

  it('sends nothing when nothing waits, nor after it is stopped', async () => {
    await jest.advanceTimersByTimeAsync(1_000);
    timer.waiting(performance.now());
    timer.stop();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(sent).toHaveLength(0);
  });
});
