import { temporal } from '@temporalio/proto';
import { openTimerDueTimes } from '../../support/timer-guard';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
/** Events as the SDK decodes them (int64 seconds as Long), built from their JSON form. */
const event = (json: Record<string, unknown>): HistoryEvent =>
  temporal.api.history.v1.HistoryEvent.fromObject(json);
const at = (seconds: number) => ({ seconds: String(seconds), nanos: 500_000_000 });

const started = (eventTime: number, timerId: string, fireAfterSeconds: number): HistoryEvent =>
  event({
    eventTime: at(eventTime),
    timerStartedEventAttributes: { timerId, startToFireTimeout: { seconds: String(fireAfterSeconds) } },
  });

describe('openTimerDueTimes (the time-skipping timer guard)', () => {
  it('gives the due time of each timer started and neither fired nor cancelled', () => {
    const events: HistoryEvent[] = [
      started(100, '1', 60),
      started(100, '2', 3_600),
      started(200, '3', 86_400),
      event({ eventTime: at(160), timerFiredEventAttributes: { timerId: '1' } }),
      event({ eventTime: at(210), timerCanceledEventAttributes: { timerId: '3' } }),
    ];
    expect(openTimerDueTimes(events)).toEqual([3_700_500]);
  });

  it('gives nothing for a history without timers', () => {
    expect(openTimerDueTimes([event({ eventTime: at(1) })])).toEqual([]);
  });
});
