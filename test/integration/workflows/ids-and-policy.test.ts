import {
  CasePolicy,
  checkCommand,
  durationMs,
  plannedTracks,
  priorityFor,
  slaMs,
  type CaseState,
} from '../../../domain';
import { compileRetryPolicy, msToNumber } from '@temporalio/common';
import { ACTIVITY_OPTIONS } from '../../../activities/options';
import { canonicalizeUrl } from '../../../lib/url/canonicalize';
import { caseListQuery } from '../../../cases/case-client';
import { caseBaseId, caseWorkflowId, identityKey, normalizeText, parseCaseId } from '../../../cases/case-id';
import { loadDefaultPolicy } from '../../../policy';
import defaultPolicyJson from '../../../policy/default-policy.json';
import { fixtureHistories, officers, readHistoryFixtures } from '../../support/case-test-kit';

/** The pure parts the case workflow relies on: case ids, the policy file, the role rules, list queries. */
describe('case ids, the default policy and the case rules', () => {
  const policy = loadDefaultPolicy();

  it('derives one case id per content: canonical URL first, then content hash, then normalised text', () => {
    const url = canonicalizeUrl('https://WWW.Example.com/promo/?utm_source=wa#top').url;
    expect(url).toBe('https://example.com/promo');
    const byUrl = caseBaseId({ canonicalUrl: url, text: 'anything' });
    expect(byUrl).toMatch(/^case-[a-f0-9]{20}$/);
    expect(caseBaseId({ canonicalUrl: url })).toBe(byUrl);
    const sha = 'a'.repeat(64);
    expect(identityKey({ contentSha256: sha, text: 'x' })).toBe(`sha256:${sha}`);
    expect(caseBaseId({ text: 'Vaksin  mengandung\u200B CHIP ' })).toBe(
      caseBaseId({ text: 'vaksin mengandung chip' }),
    );
    expect(normalizeText('ＡＢＣ  def')).toBe('abc def');
    expect(caseBaseId({ text: 'a' })).not.toBe(caseBaseId({ text: 'b' }));
    expect(() => caseBaseId({})).toThrow(/needs a canonical URL/);
    expect(caseWorkflowId(byUrl, 1)).toBe(byUrl);
    expect(caseWorkflowId(byUrl, 3)).toBe(`${byUrl}.3`);
    expect(parseCaseId(`${byUrl}.3`)).toEqual({ baseId: byUrl, generation: 3 });
    expect(() => parseCaseId('case-xyz')).toThrow();
  });

  it('ships a valid default policy with the regulation deadlines', () => {
    expect(policy.version).toBe('2026-12.1');
    expect(slaMs(policy, 'takedown_compliance', 'normal')).toBe(24 * 3_600_000);
    expect(slaMs(policy, 'takedown_compliance', 'urgent')).toBe(4 * 3_600_000);
    expect(policy.urgentCategories).toEqual(
      expect.arrayContaining(['child_sexual_abuse', 'terrorism', 'online_gambling', 'pornography']),
    );
    expect(policy.reminders).toEqual([0.5, 0.75]);
    expect(durationMs(policy.monitoring.period)).toBe(30 * 86_400_000);
    expect(priorityFor(policy, 'terrorism', 'normal')).toBe('urgent');
    expect(priorityFor(policy, 'fraud', 'normal')).toBe('high');
    expect(priorityFor(policy, 'defamation', undefined)).toBe('normal');
    expect(priorityFor(policy, 'hoax', 'urgent')).toBe('urgent');
  });

  it('rejects a broken policy with the fields named', () => {
    const broken = {
      ...defaultPolicyJson,
      version: 'latest',
      reminders: [0.75, 0.5],
      urgentCategories: ['judi'],
      sla: { ...defaultPolicyJson.sla, verification: { urgent: '0h', high: '8 hours', normal: '24h' } },
    };
    const result = CasePolicy.safeParse(broken);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['version', 'urgentCategories.0', 'sla.verification.high']));
    const refined = CasePolicy.safeParse({ ...defaultPolicyJson, reminders: [0.75, 0.5] });
    expect(refined.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['reminders']);
  });

  it('plans the tracks a verdict calls for', () => {
    const subject = { url: 'https://slot.example/x', platform: 'website' as const };
    expect(plannedTracks({ kind: 'no_violation', reasons: ['ok'] }, subject)).toEqual({
      clarification: false,
      response: false,
      police: false,
      takedowns: [],
    });
    expect(
      plannedTracks(
        { kind: 'hoax', label: 'HOAKS', reasons: ['r'], takedown: [], publicResponse: true },
        subject,
      ),
    ).toMatchObject({
      clarification: true,
      response: true,
      takedowns: [],
    });
    expect(
      plannedTracks(
        { kind: 'criminal', category: 'fraud', reasons: ['r'], takedown: [], publicResponse: false },
        subject,
      ),
    ).toEqual({
      clarification: false,
      response: false,
      police: true,
      takedowns: [{ platform: 'website', url: 'https://slot.example/x' }],
    });
  });

  it('applies the role rules before stage rules, and four-eyes after both', () => {
    const state = {
      caseId: 'case-00000000000000000000',
      stage: 'action',
      tracks: {
        takedowns: [],
        clarification: {
          kind: 'clarification',
          status: 'awaiting_approval',
          rejections: [],
          draft: { revision: 1, by: officers.supervisor },
        },
      },
    } as unknown as CaseState;
    expect(
      checkCommand(
        'approveStatement',
        { actor: officers.verifier, kind: 'clarification', revision: 1 },
        state,
      )?.code,
    ).toBe('FORBIDDEN_ROLE');
    expect(
      checkCommand(
        'approveStatement',
        { actor: officers.supervisor, kind: 'clarification', revision: 1 },
        state,
      )?.code,
    ).toBe('SELF_APPROVAL');
    expect(
      checkCommand('approveStatement', { actor: officers.supervisor2, kind: 'response', revision: 1 }, state)
        ?.code,
    ).toBe('WRONG_STAGE');
    expect(
      checkCommand(
        'approveStatement',
        { actor: officers.supervisor2, kind: 'clarification', revision: 1 },
        state,
      ),
    ).toBeUndefined();
  });

  it('calls activities with the options the activities recommend, each accepted by the SDK', () => {
    // What the workflows scheduled, read from recorded histories: each attempt's timeout is the recommended one.
    const scheduled = readHistoryFixtures()
      .flatMap(({ fixture }) => fixtureHistories(fixture))
      .flatMap(({ history }) => history.events ?? [])
      .map((event) => event.activityTaskScheduledEventAttributes)
      .filter((attributes) => attributes != null);
    expect(scheduled.length).toBeGreaterThan(20);
    for (const attributes of scheduled) {
      const name = attributes.activityType!.name as keyof typeof ACTIVITY_OPTIONS;
      const timeout = attributes.startToCloseTimeout!;
      expect({
        name,
        ms: Number(timeout.seconds ?? 0) * 1000 + Math.round((timeout.nanos ?? 0) / 1e6),
      }).toEqual({
        name,
        ms: msToNumber(ACTIVITY_OPTIONS[name].startToCloseTimeout),
      });
    }
    for (const options of Object.values(ACTIVITY_OPTIONS)) {
      expect(() => compileRetryPolicy(options.retry!)).not.toThrow();
    }
  });

  it('builds case list queries from search attributes', () => {
    expect(
      caseListQuery({
        stage: ['verification', 'action'],
        slaBreached: true,
        platform: 'x',
        assignee: "o'neil",
      }),
    ).toBe(
      "WorkflowType IN ('ContentCaseWorkflow', 'ContentCaseWorkflowV2') AND SaringStatus IN ('verification', 'action') AND SaringPlatforms = 'x' AND SaringAssignee = 'o\\'neil' AND SaringSlaBreached = true",
    );
  });
});
