import { ClosedCaseAnswers } from '../../../cases/closed-case-answers';

/** A query whose answer the test gives when it likes, counting how often it was asked. */
function heldQuery<T>() {
  const calls: { resolve: (value: T) => void; reject: (error: Error) => void }[] = [];
  const ask = () =>
    new Promise<T>((resolve, reject) => {
      calls.push({ resolve, reject });
    });
  return { ask, calls };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('ClosedCaseAnswers', () => {
  it('asks a closed run each query once, however many read it at once', async () => {
    const answers = new ClosedCaseAnswers();
    const state = heldQuery<string>();
    const reads = [1, 2, 3].map(() => answers.answer('run-1', 'state', state.ask));
    await settle();
    expect(state.calls).toHaveLength(1);
    state.calls[0]!.resolve('closed');
    await expect(Promise.all(reads)).resolves.toEqual(['closed', 'closed', 'closed']);
    await expect(answers.answer('run-1', 'state', state.ask)).resolves.toBe('closed');
    expect(state.calls).toHaveLength(1);
  });

  it('asks the queries of one run one after the other, and of different runs side by side', async () => {
    const answers = new ClosedCaseAnswers();
    const state = heldQuery<string>();
    const timeline = heldQuery<string>();
    const other = heldQuery<string>();
    const stateRead = answers.answer('run-1', 'state', state.ask);
    const timelineRead = answers.answer('run-1', 'timeline', timeline.ask);
    const otherRead = answers.answer('run-2', 'state', other.ask);
    await settle();
    expect([state.calls.length, timeline.calls.length, other.calls.length]).toEqual([1, 0, 1]);
    state.calls[0]!.resolve('s');
    await stateRead;
    await settle();
    expect(timeline.calls).toHaveLength(1);
    timeline.calls[0]!.resolve('t');
    other.calls[0]!.resolve('o');
    await expect(Promise.all([timelineRead, otherRead])).resolves.toEqual(['t', 'o']);
  });

  it('does not keep a failed answer, and the next query of the run still goes', async () => {
    const answers = new ClosedCaseAnswers();
    const state = heldQuery<string>();
    const timeline = heldQuery<string>();
    const failed = answers.answer('run-1', 'state', state.ask);
    const next = answers.answer('run-1', 'timeline', timeline.ask);
    await settle();
    state.calls[0]!.reject(new Error('query timed out'));
    await expect(failed).rejects.toThrow('query timed out');
    await settle();
    timeline.calls[0]!.resolve('t');
    await expect(next).resolves.toBe('t');
    const retried = answers.answer('run-1', 'state', state.ask);
    await settle();
    expect(state.calls).toHaveLength(2);
    state.calls[1]!.resolve('closed');
    await expect(retried).resolves.toBe('closed');
  });

  it('keeps the most recently read answers when full', async () => {
    const answers = new ClosedCaseAnswers(2);
    let asked = 0;
    const ask = async () => (asked += 1);
    await answers.answer('a', 'state', ask);
    await answers.answer('b', 'state', ask);
    await answers.answer('a', 'state', ask); // read again: now the most recent
    await answers.answer('c', 'state', ask); // drops b, the least recently read
    expect(answers.size).toBe(2);
    expect(asked).toBe(3);
    await answers.answer('a', 'state', ask);
    expect(asked).toBe(3);
    await answers.answer('b', 'state', ask);
    expect(asked).toBe(4);
  });
});
