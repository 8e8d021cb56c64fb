import { z } from 'zod';
import { HoaxLabel } from './categories';
import { PublicationChannel } from './channels';
import { LiteracyPillar } from './places';
import { Actor, OfficerId } from './roles';
import { StatementKind } from './case-state';
import { Verdict } from './verdict';
import { FreeText } from './free-text';
import { LinkedCaseId } from './claim-link';

/**
 * Payloads of the officer steps (Temporal updates and signals) of a content case. Every payload
 * carries the acting officer: the API authenticates the caller and asserts its id and role here; the
 * workflow enforces the role rules (domain/case-rules.ts) against it. Unknown fields are refused.
 */
const Text = (max: number) => FreeText(max);

export const AssignVerifierInput = z.strictObject({ actor: Actor, assignee: OfficerId });
export const SubmitVerdictInput = z.strictObject({ actor: Actor, verdict: Verdict });
export const DraftStatementInput = z.strictObject({
  actor: Actor,
  kind: StatementKind,
  title: Text(300),
  body: Text(20_000),
  pillar: LiteracyPillar,
  channels: z.array(PublicationChannel).min(1).max(6),
  /** Clarifications carry the verdict's label unless the drafter sets one. */
  label: HoaxLabel.optional(),
});
/** `revision` is the draft revision the approver read: a newer draft makes the approval stale. */
export const ApproveStatementInput = z.strictObject({
  actor: Actor,
  kind: StatementKind,
  revision: z.number().int().positive(),
});
export const RejectStatementInput = z.strictObject({
  actor: Actor,
  kind: StatementKind,
  revision: z.number().int().positive(),
  reason: Text(2_000),
});
export const AcknowledgePoliceInput = z.strictObject({ actor: Actor });
/** Laporan Polisi numbers look like "LP/B/123/XI/2025/SPKT/POLDA KALSEL". */
export const RecordPoliceReportInput = z.strictObject({
  actor: Actor,
  reportNumber: z
    .string()
    .trim()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9/.\- ]{2,99}$/,
      'a police report number of 3-100 letters, digits, "/", ".", "-" or spaces',
    ),
});
export const RecordPoliceFollowUpInput = z.strictObject({ actor: Actor, note: Text(2_000) });
export const ResolveObjectionInput = z.strictObject({
  actor: Actor,
  /** The takedown track key from the case state, e.g. "x-1". */
  takedownKey: z.string().regex(/^[a-z_]+-[0-9]+$/),
  decision: z.enum(['uphold', 'reject']),
  reason: Text(2_000),
});
export const RequestWithdrawalInput = z.strictObject({
  actor: Actor,
  reason: FreeText(2_000, 10),
});
export const ApproveWithdrawalInput = z.strictObject({ actor: Actor });
export const CloseMonitoringInput = z.strictObject({ actor: Actor, reason: Text(2_000) });
/**
 * Issue 15: the verifier takes over the published clarification of the case this one is linked to (claim
 * matching), as it stands: `fromCaseId` names the linked case, so a link that changed meanwhile is refused.
 */
export const ReuseClarificationInput = z.strictObject({ actor: Actor, fromCaseId: LinkedCaseId });

/** Signal payload: a free-text note on the case (fire-and-forget; invalid notes are dropped and counted). */
export const AddNoteInput = z.strictObject({ actor: Actor, text: Text(5_000) });

export const CASE_UPDATE_SCHEMAS = {
  assignVerifier: AssignVerifierInput,
  submitVerdict: SubmitVerdictInput,
  draftStatement: DraftStatementInput,
  approveStatement: ApproveStatementInput,
  rejectStatement: RejectStatementInput,
  acknowledgePolice: AcknowledgePoliceInput,
  recordPoliceReport: RecordPoliceReportInput,
  recordPoliceFollowUp: RecordPoliceFollowUpInput,
  resolveObjection: ResolveObjectionInput,
  requestWithdrawal: RequestWithdrawalInput,
  approveWithdrawal: ApproveWithdrawalInput,
  closeMonitoring: CloseMonitoringInput,
  reuseClarification: ReuseClarificationInput,
} as const;
export type CaseUpdateName = keyof typeof CASE_UPDATE_SCHEMAS;
export const CASE_UPDATE_NAMES = Object.keys(CASE_UPDATE_SCHEMAS) as CaseUpdateName[];
/** What a caller sends (before zod defaults). */
export type CaseUpdateInput<K extends CaseUpdateName> = z.input<(typeof CASE_UPDATE_SCHEMAS)[K]>;
/** What the workflow works with (after zod defaults). */
export type CaseUpdateCommand<K extends CaseUpdateName> = z.output<(typeof CASE_UPDATE_SCHEMAS)[K]>;

/**
 * Why an update was refused. The workflow's validator throws an ApplicationFailure whose `type` is
 * the code, so nothing reaches the history; clients get it as the failure type.
 */
export const COMMAND_ERROR_CODES = [
  'INVALID_PAYLOAD',
  'FORBIDDEN_ROLE',
  'WRONG_STAGE',
  'SELF_APPROVAL',
  'NOT_ASSIGNEE',
  'CONFLICT',
] as const;
export const CommandErrorCode = z.enum(COMMAND_ERROR_CODES);
export type CommandErrorCode = z.infer<typeof CommandErrorCode>;

export interface CommandViolation {
  code: CommandErrorCode;
  message: string;
}

/** A zod error as one line: "verdict.reasons: a verdict needs at least one reason; ...". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`)
    .join('; ');
}

export type AddNoteCommand = z.input<typeof AddNoteInput>;
