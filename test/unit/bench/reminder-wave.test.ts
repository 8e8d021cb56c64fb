import { temporal } from '@temporalio/proto';
import { durationMs } from '../../../domain';
import { loadDefaultPolicy } from '../../../policy';
import { spreadSample, timerLags, wavePolicy } from '../../../bench/peak/reminder-wave';

const EventType = temporal.api.enums.v1.EventType;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

// Plain numbers where the proto types say Long: fetched histories give Longs, which Number() reads alike.
const at = (ms: number) =>
  ({
    seconds: Math.floor(ms / 1000),
    nanos: (ms % 1000) * 1e6,
  }) as unknown as NonNullable<HistoryEvent['eventTime']>;
const timerStarted = (ms: number, timerId: string, fireAfterMs: number): HistoryEvent => ({
  eventType: EventType.EVENT_TYPE_TIMER_STARTED,
  eventTime: at(ms),
  timerStartedEventAttributes: { timerId, startToFireTimeout: at(fireAfterMs) },
});
const timerFired = (ms: number, timerId: string): HistoryEvent => ({
  eventType: EventType.EVENT_TYPE_TIMER_FIRED,
  eventTime: at(ms),
  timerFiredEventAttributes: { timerId },
});
const taskCompleted = (ms: number): HistoryEvent => ({
  eventType: EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED,
  eventTime: at(ms),
});

describe('reminder wave (bench:open-cases)', () => {
  it('reads how late each timer fired and how soon the worker completed a task after it', () => {
    const lags = timerLags([
      timerStarted(1_000, '1', 60_000),
      timerStarted(1_000, '2', 120_000),
      timerFired(61_250, '1'),
      taskCompleted(61_900),
      timerFired(121_000, '2'),
      taskCompleted(121_040),
    ]);
    expect(lags).toEqual({ started: 2, fired: 2, fireLagMs: [250, 0], actLagMs: [650, 40] });
  });

  it('counts a fired timer the worker has not acted on yet without an action lag', () => {
    const lags = timerLags([timerStarted(0, '1', 1_000), timerFired(1_500, '1')]);
    expect(lags).toEqual({ started: 1, fired: 1, fireLagMs: [500], actLagMs: [] });
  });

  it('gives every priority the wave SLA and keeps the reminder fractions', () => {
    const base = loadDefaultPolicy();
    const policy = wavePolicy(base, 12);
    for (const priority of ['urgent', 'high', 'normal'] as const)
      expect(durationMs(policy.sla.verification[priority])).toBe(12 * 60_000);
    expect(policy.reminders).toEqual(base.reminders);
    expect(policy.sla.takedownCompliance).toEqual(base.sla.takedownCompliance);
  });

  it('samples evenly, first and last included', () => {
    expect(spreadSample([0, 1, 2, 3, 4, 5, 6, 7, 8], 3)).toEqual([0, 4, 8]);
    expect(spreadSample([1, 2], 5)).toEqual([1, 2]);
  });
});
