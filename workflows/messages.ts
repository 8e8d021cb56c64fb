import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  AddNoteCommand,
  CaseState,
  CaseUpdateInput,
  CaseUpdateResult,
  Deadline,
  DetectionInput,
  TimelineEntry,
} from '../domain';
import {
  AddNoteInput,
  CASE_UPDATE_NAMES,
  CASE_UPDATE_SCHEMAS,
  Detection as DetectionSchema,
  type CaseUpdateName,
} from '../domain';

/**
 * Every message a content case understands, for the API, the CLI and the tests. Names are stable:
 * they are the Temporal message names. Updates return a small CaseUpdateResult (revision, stage, what
 * changed; query `caseState` for the rest); a validator
 * refuses a bad payload, a wrong role, a wrong stage or a self-approval before anything reaches
 * history (the failure's `type` is one of COMMAND_ERROR_CODES).
 */
export const caseUpdates = {
  /** supervisor: assign any verifier; verifier: claim an unassigned case. Stage verification. */
  assignVerifier: defineUpdate<CaseUpdateResult, [CaseUpdateInput<'assignVerifier'>]>('assignVerifier'),
  /** assigned verifier or supervisor. Stage verification. */
  submitVerdict: defineUpdate<CaseUpdateResult, [CaseUpdateInput<'submitVerdict'>]>('submitVerdict'),
  /** clarification: verifier, public_relations, supervisor; response: public_relations, supervisor. */
  draftStatement: defineUpdate<CaseUpdateResult, [CaseUpdateInput<'draftStatement'>]>('draftStatement'),
  /** supervisor other than the drafter (four-eyes), for the draft revision they read. */
  approveStatement: defineUpdate<CaseUpdateResult, [CaseUpdateInput<'approveStatement'>]>('approveStatement'),
  /** supervisor: back to drafting, with a reason. */
  rejectStatement: defineUpdate<CaseUpdateResult, [CaseUpdateInput<'rejectStatement'>]>('rejectStatement'),
  /** police_liaison: the police received the evidence package. */
  acknowledgePolice: defineUpdate<CaseUpdateResult, [CaseUpdateInput<'acknowledgePolice'>]>(
    'acknowledgePolice',
  ),
  /** police_liaison: the police report number (Laporan Polisi). */
  recordPoliceReport: defineUpdate<CaseUpdateResult, [CaseUpdateInput<'recordPoliceReport'>]>(
    'recordPoliceReport',
  ),
  /** police_liaison or supervisor: a follow-up note on the police escalation. */
  recordPoliceFollowUp: defineUpdate<CaseUpdateResult, [CaseUpdateInput<'recordPoliceFollowUp'>]>(
    'recordPoliceFollowUp',
  ),
  /** supervisor: uphold (stop that takedown) or reject (continue escalation) a platform's objection. */
  resolveObjection: defineUpdate<CaseUpdateResult, [CaseUpdateInput<'resolveObjection'>]>('resolveObjection'),
  /** supervisor, with a reason; takes effect when another supervisor approves. */
  requestWithdrawal: defineUpdate<CaseUpdateResult, [CaseUpdateInput<'requestWithdrawal'>]>(
    'requestWithdrawal',
  ),
  /** supervisor other than the requester (four-eyes): stops every track and closes the case as withdrawn. */
  approveWithdrawal: defineUpdate<CaseUpdateResult, [CaseUpdateInput<'approveWithdrawal'>]>(
    'approveWithdrawal',
  ),
  /** supervisor: end re-upload monitoring early and close the case. */
  closeMonitoring: defineUpdate<CaseUpdateResult, [CaseUpdateInput<'closeMonitoring'>]>('closeMonitoring'),
  /** the assigned verifier or a supervisor: reuse the linked case's published clarification instead of a verdict and a draft. */
  reuseClarification: defineUpdate<CaseUpdateResult, [CaseUpdateInput<'reuseClarification'>]>(
    'reuseClarification',
  ),
} as const satisfies Record<CaseUpdateName, unknown>;

export const caseSignals = {
  /** A detection of the case's content (the first one comes with signalWithStart); counted, never refused. */
  detection: defineSignal<[DetectionInput]>('detection'),
  /**
   * Up to MAX_DETECTIONS_PER_SIGNAL detections of the case in one signal, each counted as if sent alone
   * (a burst of repeats costs one history event per send under way, not one per detection).
   */
  detections: defineSignal<[DetectionInput[]]>('detections'),
  /** A note by an officer (not auditor/admin); invalid notes are dropped. */
  addNote: defineSignal<[AddNoteCommand]>('addNote'),
};

export const caseQueries = {
  state: defineQuery<CaseState>('caseState'),
  openDeadlines: defineQuery<Deadline[]>('openDeadlines'),
  timeline: defineQuery<TimelineEntry[]>('caseTimeline'),
};

export { CASE_UPDATE_SCHEMAS, CASE_UPDATE_NAMES, AddNoteInput, DetectionSchema };
