import { ClockRanAwayError, RunawayClockWatch } from '../../simulation/runaway-clock';

const HOUR = 3_600_000;
const START = Date.UTC(2025, 10, 20);

describe('runaway clock watch (simulator)', () => {
  beforeEach(() => {
    jest.useFakeTimers({
      now: START,
      doNotFake: ['setTimeout', 'setImmediate', 'nextTick', 'queueMicrotask'],
    });
  });
  afterEach(() => jest.useRealTimers());

  it('accepts a clock that moved what was asked, plus the real time that passed', async () => {
    const watch = new RunawayClockWatch(START);
    await watch.move(72 * HOUR, async () => undefined);
    jest.setSystemTime(START + 30_000);
    expect(() => watch.look(START + 72 * HOUR + 30_000)).not.toThrow();
  });

  it('throws when the clock moved far beyond what was asked (seed 290: to the ten-year run timeout)', async () => {
    const watch = new RunawayClockWatch(START);
    await watch.move(HOUR, async () => undefined);
    expect(() => watch.look(START + HOUR)).not.toThrow();
    expect(() => watch.look(START + 87_600 * HOUR)).toThrow(ClockRanAwayError);
  });

  it('names how far the clock moved and how far it was asked to', () => {
    const watch = new RunawayClockWatch(START);
    expect(() => watch.look(START + 5 * HOUR)).toThrow(
      'the time-skipping clock moved 5.00 h where 0.00 h were asked',
    );
  });

  it('does not read a look taken during a move as the end of it (a lock released mid-sleep)', async () => {
    const watch = new RunawayClockWatch(START);
    await watch.move(72 * HOUR, async () => {
      watch.look(START + 10 * HOUR);
    });
    expect(() => watch.look(START + 72 * HOUR)).not.toThrow();
  });

  it('counts a move that failed as asked: the clock may have moved part of it', async () => {
    const watch = new RunawayClockWatch(START);
    await expect(
      watch.move(3 * HOUR, async () => {
        throw new Error('sleep cancelled');
      }),
    ).rejects.toThrow('sleep cancelled');
    expect(() => watch.look(START + 3 * HOUR)).not.toThrow();
    expect(() => watch.look(START + 5 * HOUR)).toThrow(ClockRanAwayError);
  });
});
