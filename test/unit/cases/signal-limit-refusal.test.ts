import { ServiceError } from '@temporalio/client';
import { status } from '@grpc/grpc-js';
import { BatchSubmission } from '../../../cases/batch-submission';
import { CaseSignalLimitError, isSignalLimitRefusal } from '../../../cases/case-errors';
import { caseErrorToHttp } from '../../../api/case-errors';
import { HttpError } from '../../../api/http-error';
import type { DetectionInput } from '../../../domain';

/** The error shape the Temporal client throws for a refused signal-with-start (its message and cause). */
function refusedSignal(details: string): ServiceError {
  const grpcError = Object.assign(new Error(`${status.INVALID_ARGUMENT} INVALID_ARGUMENT: ${details}`), {
    code: status.INVALID_ARGUMENT,
    details,
  });
  return new ServiceError('Failed to signalWithStart Workflow', { cause: grpcError });
}

const detection = (text: string): DetectionInput => ({
  source: 'crawler',
  reportedBy: 'ais-crawler',
  observedAt: '2026-12-02T10:00:00.000Z',
  region: 'banjarmasin',
  text,
});

describe("a detection refused because the case's run holds its last signal", () => {
  it('is told apart from other INVALID_ARGUMENT refusals by the server message in the cause', () => {
    expect(isSignalLimitRefusal(refusedSignal('exceeded workflow execution limit for signal events'))).toBe(
      true,
    );
    expect(isSignalLimitRefusal(refusedSignal('Workflow task timeout is invalid'))).toBe(false);
    expect(isSignalLimitRefusal('exceeded workflow execution limit for signal events')).toBe(false);
  });

  it('answers 503 case_signal_limit on the single endpoint, saying when to send again', () => {
    const answer = caseErrorToHttp(new CaseSignalLimitError('case-0123456789abcdef0123'));
    expect(answer).toBeInstanceOf(HttpError);
    expect(answer).toMatchObject({ status: 503, code: 'case_signal_limit' });
    expect((answer as HttpError).message).toMatch(
      /case-0123456789abcdef0123.*not counted: send it again in a minute/,
    );
  });

  it('is the one line answered case_signal_limit in a batch, the other lines untouched', async () => {
    const submission = new BatchSubmission(async (detection: DetectionInput) => {
      if (detection.text === 'viral') throw new CaseSignalLimitError('case-viral');
      return { caseId: 'case-other', generation: 1, runId: 'run' };
    }, 2);
    await submission.add(1, detection('viral'));
    await submission.add(2, detection('other'));
    const [first, second] = await submission.finish();
    expect(first).toMatchObject({ line: 1, error: { code: 'case_signal_limit' } });
    expect(second).toEqual({ line: 2, caseId: 'case-other', generation: 1 });
  });
});
