import {
  CASE_STAGES,
  CASE_UPDATE_NAMES,
  ROLES,
  checkCommand,
  type CaseStage,
  type CaseState,
  type CaseUpdateName,
  type Role,
} from '../../../domain';

/**
 * The officer-step rules as a table: step × role × stage → the refusal code (or accepted). The table is
 * the specification written out by hand, not derived from UPDATE_ROLES, so a change to who may do
 * what, or when, has to change this file too.
 */
const SPEC: Record<CaseUpdateName, { roles: Role[]; stages: CaseStage[] }> = {
  assignVerifier: { roles: ['supervisor', 'verifier'], stages: ['verification'] },
  submitVerdict: { roles: ['verifier', 'supervisor'], stages: ['verification'] },
  draftStatement: { roles: ['verifier', 'public_relations', 'supervisor'], stages: ['action'] },
  approveStatement: { roles: ['supervisor'], stages: ['action'] },
  rejectStatement: { roles: ['supervisor'], stages: ['action'] },
  acknowledgePolice: { roles: ['police_liaison'], stages: ['action'] },
  recordPoliceReport: { roles: ['police_liaison'], stages: ['action'] },
  recordPoliceFollowUp: {
    roles: ['police_liaison', 'supervisor'],
    stages: ['verification', 'action', 'monitoring'],
  },
  resolveObjection: { roles: ['supervisor'], stages: ['verification', 'action', 'monitoring'] },
  requestWithdrawal: { roles: ['supervisor'], stages: ['verification', 'action', 'monitoring'] },
  approveWithdrawal: { roles: ['supervisor'], stages: ['verification', 'action', 'monitoring'] },
  closeMonitoring: { roles: ['supervisor'], stages: ['monitoring'] },
  reuseClarification: { roles: ['verifier', 'supervisor'], stages: ['verification'] },
};

const LINKED = 'case-11111111111111111111';
const LINK = { caseId: LINKED, status: 'clarified', similarity: 0.5, clarification: { label: 'HOAKS' } };

const actorOf = (role: Role) => ({ officerId: `${role.replace('_', '-')}.one`, role });
const OTHER = { officerId: 'someone.else', role: 'supervisor' as const };

/** A case in `stage` where everything but role and stage favours `step`: the track it needs is waiting. */
function readyState(step: CaseUpdateName, stage: CaseStage, role: Role): CaseState {
  const draft = { revision: 1, by: OTHER };
  const takedown = { key: 'meta:1', status: 'objected' };
  const policeStatus = step === 'recordPoliceReport' ? 'awaiting_report' : 'awaiting_acknowledgment';
  return {
    caseId: 'case-00000000000000000000',
    stage,
    assignee: actorOf(role).officerId,
    tracks: {
      takedowns: [takedown],
      clarification: {
        kind: 'clarification',
        status: step === 'draftStatement' ? 'drafting' : 'awaiting_approval',
        rejections: [],
        draft,
      },
      police: { status: policeStatus },
    },
    ...(step === 'approveWithdrawal' ? { withdrawal: { requestedBy: OTHER, reason: 'test' } } : {}),
    ...(step === 'reuseClarification' ? { claimLink: LINK } : {}),
  } as unknown as CaseState;
}

function commandFor(step: CaseUpdateName, role: Role) {
  const actor = actorOf(role);
  const payloads: Record<CaseUpdateName, Record<string, unknown>> = {
    assignVerifier: { assignee: actor.officerId },
    submitVerdict: { verdict: { kind: 'no_violation', reasons: ['none'] } },
    draftStatement: { kind: 'clarification', text: 'teks' },
    approveStatement: { kind: 'clarification', revision: 1 },
    rejectStatement: { kind: 'clarification', revision: 1, reason: 'ulang' },
    acknowledgePolice: {},
    recordPoliceReport: { reportNumber: 'LP/1' },
    recordPoliceFollowUp: { note: 'follow up' },
    resolveObjection: { takedownKey: 'meta:1', decision: 'rejected', reason: 'r' },
    requestWithdrawal: { reason: 'r' },
    approveWithdrawal: {},
    closeMonitoring: { reason: 'r' },
    reuseClarification: { fromCaseId: LINKED },
  };
  return { actor, ...payloads[step] } as never;
}

const rows = CASE_UPDATE_NAMES.flatMap((step) =>
  ROLES.flatMap((role) =>
    CASE_STAGES.map((stage) => {
      const spec = SPEC[step];
      const expected = !spec.roles.includes(role)
        ? 'FORBIDDEN_ROLE'
        : !spec.stages.includes(stage)
          ? 'WRONG_STAGE'
          : 'accepted';
      return { step, role, stage, expected };
    }),
  ),
);

describe('checkCommand: step × role × stage', () => {
  it('covers every step, role and stage', () => {
    expect(Object.keys(SPEC).sort()).toEqual([...CASE_UPDATE_NAMES].sort());
    expect(rows).toHaveLength(CASE_UPDATE_NAMES.length * ROLES.length * CASE_STAGES.length);
  });

  it.each(rows)('$step by $role in $stage → $expected', ({ step, role, stage, expected }) => {
    const violation = checkCommand(step, commandFor(step, role), readyState(step, stage, role));
    expect(violation?.code ?? 'accepted').toBe(expected);
  });
});

describe('checkCommand: the checks after role and stage', () => {
  const supervisor = actorOf('supervisor');
  const verifier = actorOf('verifier');

  it('reuseClarification: only the assignee, only with a linked clarification, only of the linked case, only once', () => {
    const ready = readyState('reuseClarification', 'verification', 'verifier');
    const reuse = (actor: typeof verifier, state: CaseState, fromCaseId = LINKED) =>
      checkCommand('reuseClarification', { actor, fromCaseId }, state)?.code;
    expect(reuse(verifier, ready)).toBeUndefined();
    expect(reuse({ officerId: 'other.verifier', role: 'verifier' }, ready)).toBe('NOT_ASSIGNEE');
    expect(reuse(supervisor, ready)).toBeUndefined();
    expect(reuse(verifier, ready, 'case-22222222222222222222')).toBe('CONFLICT');
    expect(reuse(verifier, { ...ready, claimLink: undefined })).toBe('WRONG_STAGE');
    const openLink = { ...LINK, status: 'open', clarification: undefined };
    expect(reuse(verifier, { ...ready, claimLink: openLink } as unknown as CaseState)).toBe('WRONG_STAGE');
    const decided = { ...ready, verdict: { by: OTHER, at: '2026-01-01T00:00:00Z' } } as unknown as CaseState;
    expect(reuse(verifier, decided)).toBe('CONFLICT');
  });

  it('refuses a supervisor approving their own draft (four-eyes)', () => {
    const state = readyState('approveStatement', 'action', 'supervisor');
    (state.tracks.clarification!.draft as { by: unknown }).by = supervisor;
    expect(
      checkCommand('approveStatement', { actor: supervisor, kind: 'clarification', revision: 1 }, state)
        ?.code,
    ).toBe('SELF_APPROVAL');
  });

  it('refuses approving a stale revision', () => {
    const state = readyState('approveStatement', 'action', 'supervisor');
    expect(
      checkCommand('approveStatement', { actor: supervisor, kind: 'clarification', revision: 2 }, state)
        ?.code,
    ).toBe('CONFLICT');
  });

  it('refuses a verdict from a verifier who is not the assignee', () => {
    const state = {
      ...readyState('submitVerdict', 'verification', 'verifier'),
      assignee: 'other.verifier',
    } as CaseState;
    expect(checkCommand('submitVerdict', commandFor('submitVerdict', 'verifier'), state)?.code).toBe(
      'NOT_ASSIGNEE',
    );
  });

  it('refuses a verifier claiming a case someone else holds, or assigning it to another', () => {
    const held = {
      ...readyState('assignVerifier', 'verification', 'verifier'),
      assignee: 'other.verifier',
    } as CaseState;
    expect(
      checkCommand('assignVerifier', { actor: verifier, assignee: verifier.officerId }, held)?.code,
    ).toBe('CONFLICT');
    expect(checkCommand('assignVerifier', { actor: verifier, assignee: 'other.verifier' }, held)?.code).toBe(
      'FORBIDDEN_ROLE',
    );
  });

  it('refuses approving a withdrawal one requested oneself, and a second request', () => {
    const state = readyState('approveWithdrawal', 'action', 'supervisor');
    (state.withdrawal as { requestedBy: unknown }).requestedBy = supervisor;
    expect(checkCommand('approveWithdrawal', { actor: supervisor }, state)?.code).toBe('SELF_APPROVAL');
    expect(checkCommand('requestWithdrawal', { actor: supervisor, reason: 'again' }, state)?.code).toBe(
      'CONFLICT',
    );
  });

  it('refuses a second close of monitoring once one is accepted, whoever asks', () => {
    const state = readyState('closeMonitoring', 'monitoring', 'supervisor');
    expect(checkCommand('closeMonitoring', { actor: supervisor, reason: 'r' }, state)?.code).toBeUndefined();
    const closing = { ...state, closeRequested: OTHER } as CaseState;
    const second = checkCommand('closeMonitoring', { actor: supervisor, reason: 'again' }, closing);
    expect(second?.code).toBe('CONFLICT');
    expect(second?.message).toContain('someone.else closed it early');
    expect(checkCommand('closeMonitoring', { actor: OTHER, reason: 'again' }, closing)?.code).toBe(
      'CONFLICT',
    );
  });

  it('refuses public relations drafting a clarification only when the kind is not theirs', () => {
    const state = readyState('draftStatement', 'action', 'public_relations');
    expect(
      checkCommand('draftStatement', { actor: verifier, kind: 'response', text: 't' } as never, state)?.code,
    ).toBe('FORBIDDEN_ROLE');
  });

  it('refuses an objection decision for a takedown the case does not have', () => {
    const state = readyState('resolveObjection', 'action', 'supervisor');
    expect(
      checkCommand(
        'resolveObjection',
        { actor: supervisor, takedownKey: 'x:9', decision: 'rejected', reason: 'r' } as never,
        state,
      )?.code,
    ).toBe('CONFLICT');
  });
});
