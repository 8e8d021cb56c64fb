import { createHash } from 'node:crypto';
import {
  CATEGORIES,
  HOAX_LABELS,
  PLATFORMS,
  durationMs,
  priorityFor,
  slaMs,
  type CasePolicy,
  type Category,
  type CaseUpdateName,
  type Platform,
  type Priority,
  type SlaStage,
  type Verdict,
} from '../../domain';
import type { PlatformScript } from '../support/scripted-activities';
import { Prng } from './prng';
import type {
  CaseScript,
  DetectionShape,
  OfficerKey,
  ScriptContent,
  ScriptWorld,
  SendMode,
  Step,
} from './script';

/**
 * The seeded script generator. A script follows one plausible path through a case (a verdict, the
 * tracks it starts, how each platform and the police behave) and is salted with what goes wrong in
 * real operations: wrong roles, wrong stages, duplicate and concurrent steps, invalid payloads,
 * outages, late or missing answers, and clock jumps across every SLA of the policy. Every duration is
 * a multiple of a policy duration, so the same generator drives the default policy on the
 * time-skipping server and a fast policy on the dev server.
 */
const HOUR = 3_600_000;

const URL_OF: Record<Platform, (id: string) => string> = {
  meta: (id) => `https://www.facebook.com/saring.sim/posts/${id}`,
  x: (id) => `https://x.com/saringsim/status/${parseInt(id.slice(0, 12), 16)}`,
  youtube: (id) => `https://www.youtube.com/watch?v=${id.slice(0, 11)}`,
  tiktok: (id) => `https://www.tiktok.com/@saringsim/video/${parseInt(id.slice(0, 12), 16)}`,
  telegram: (id) => `https://t.me/saringsim/${parseInt(id.slice(0, 8), 16)}`,
  file_sharing: (id) => `https://mega.nz/file/${id}`,
  website: (id) => `https://slot-gacor-${id.slice(0, 10)}.example/daftar`,
};

const ACTION_CATEGORIES = CATEGORIES.filter(
  (category): category is Exclude<Category, 'hoax'> => category !== 'hoax',
);
const UPDATE_NAMES: CaseUpdateName[] = [
  'assignVerifier',
  'submitVerdict',
  'draftStatement',
  'approveStatement',
  'rejectStatement',
  'acknowledgePolice',
  'recordPoliceReport',
  'recordPoliceFollowUp',
  'resolveObjection',
  'requestWithdrawal',
  'approveWithdrawal',
  'closeMonitoring',
];
const ALL_OFFICERS: OfficerKey[] = [
  'verifier',
  'verifier2',
  'supervisor',
  'supervisor2',
  'police',
  'pr',
  'auditor',
  'admin',
];

export function generateScript(seed: number, policy: CasePolicy): CaseScript {
  const rng = new Prng(seed);
  const id = createHash('sha256').update(`saring-sim-${seed}`).digest('hex');
  const steps: Step[] = [];
  const poll = durationMs(policy.takedown.statusPollInterval);
  const checkInterval = durationMs(policy.monitoring.checkInterval);

  // --- the content and the world -------------------------------------------------------------
  const shape = rng.weighted<DetectionShape>({ url: 35, url_text: 20, text: 25, hash: 20 });
  const contentPlatform = rng.pick(PLATFORMS);
  const content: ScriptContent = {
    shape,
    source: rng.pick(['crawler', 'officer', 'public_complaint', 'partner'] as const),
    ...(shape === 'url' || shape === 'url_text' ? { url: URL_OF[contentPlatform](id) } : {}),
    ...(shape === 'text' || shape === 'url_text'
      ? { text: `Simulasi ${seed}: kabar bantuan sosial palsu di Banjarmasin, sebarkan! ${id.slice(0, 16)}` }
      : {}),
    ...(shape === 'hash' ? { contentSha256: id } : {}),
  };
  if (rng.chance(0.3)) content.suggestedCategory = rng.pick(CATEGORIES);
  const classifiedCategory = rng.chance(0.7) ? rng.pick(CATEGORIES) : undefined;
  const world: ScriptWorld = {
    classification: {
      ...(classifiedCategory ? { category: classifiedCategory } : {}),
      confidence: Math.round(rng.next() * 100) / 100,
      suggestedPriority: rng.pick(['urgent', 'high', 'normal'] as const),
    },
    platforms: {},
    outages: [],
  };
  let priority: Priority = priorityFor(
    policy,
    classifiedCategory ?? content.suggestedCategory,
    world.classification.suggestedPriority,
  );
  const sla = (stage: SlaStage) => slaMs(policy, stage, priority);
  /** A clock jump around an SLA: before a reminder, between them, just after the breach, long after. */
  const jumpAround = (stage: SlaStage) => {
    const factor = rng.pick([0.3, 0.55, 0.8, 1.05, 2.5]);
    steps.push({
      op: 'advance',
      ms: Math.round(sla(stage) * factor),
      why: `${factor}x the ${priority} ${stage} SLA`,
    });
  };
  const noise = (count: number) => {
    for (let index = 0; index < count; index += 1) steps.push(noiseStep(rng));
  };

  // --- intake: repeats, bursts --------------------------------------------------------------
  if (rng.chance(0.3))
    steps.push({
      op: 'detect',
      count: rng.int(2, 30),
      concurrent: rng.chance(0.7),
      source: rng.pick(['crawler', 'partner', 'public_complaint'] as const),
    });
  steps.push({ op: 'await', target: 'verification', maxMs: poll, stepMs: poll / 4 });
  noise(rng.int(0, 2));
  if (rng.chance(0.05))
    steps.push({
      op: 'notes',
      actor: rng.pick(['verifier', 'supervisor', 'pr'] as const),
      count: rng.int(40, 120),
      length: rng.int(2_000, 5_000),
    });

  // --- verification -------------------------------------------------------------------------
  if (rng.chance(0.45)) jumpAround('verification');
  const assignment = rng.weighted({ supervisorAssigns: 50, verifierClaims: 35, none: 15 });
  let verdictActor: OfficerKey = 'supervisor';
  if (assignment === 'supervisorAssigns') {
    steps.push(update('assignVerifier', 'supervisor', { assignee: 'verifier' }, sendMode(rng)));
    verdictActor = 'verifier';
  } else if (assignment === 'verifierClaims') {
    steps.push(update('assignVerifier', 'verifier', { assignee: 'verifier' }, sendMode(rng)));
    verdictActor = 'verifier';
  }
  if (rng.chance(0.2)) steps.push(update('assignVerifier', 'verifier2', { assignee: 'verifier2' }, 'single'));
  if (rng.chance(0.2))
    steps.push(
      update(
        'submitVerdict',
        'verifier2',
        { verdict: { kind: 'no_violation', reasons: ['not the assignee'] } },
        'single',
      ),
    );

  const verdict = pickVerdict(rng, content, contentPlatform, id);
  const verdictMode = rng.weighted<SendMode>({ single: 60, retry: 15, double: 10, concurrent: 15 });
  steps.push({
    ...update('submitVerdict', verdictActor, { verdict }, verdictMode),
    ...(verdictMode === 'concurrent' ? { copies: 2 } : {}),
  });
  if (verdict.kind !== 'no_violation' && verdict.kind !== 'hoax')
    priority = priorityFor(policy, verdict.category, world.classification.suggestedPriority);
  if (verdict.kind === 'hoax') priority = priorityFor(policy, 'hoax', world.classification.suggestedPriority);

  if (rng.chance(0.08)) withdrawal(rng, steps);

  // --- action ---------------------------------------------------------------------------------
  const targets =
    verdict.kind === 'no_violation'
      ? []
      : verdict.takedown.length > 0
        ? verdict.takedown
        : verdict.kind !== 'hoax' && content.url
          ? [{ platform: contentPlatform, url: content.url }]
          : [];
  for (const target of targets) world.platforms[target.platform] = platformBehaviour(rng);
  if (rng.chance(0.15)) {
    const activity = rng.pick([
      'checkTakedownStatus',
      'requestTakedown',
      'sendWarningLetter',
      'deliverPolicePackage',
      'publishStatement',
      'checkLiveness',
    ] as const);
    const fromHours = rng.int(0, 72);
    world.outages.push({ activity, fromHours, toHours: fromHours + rng.pick([1, 3, 8, 30]) });
  }
  if (verdict.kind !== 'no_violation') {
    steps.push({ op: 'await', target: 'action', maxMs: poll, stepMs: poll / 4 });
    noise(rng.int(0, 2));
    if (verdict.kind === 'hoax') {
      statement(rng, steps, 'clarification', jumpAround);
      if (verdict.publicResponse) statement(rng, steps, 'response', jumpAround);
    } else if (verdict.publicResponse) {
      statement(rng, steps, 'response', jumpAround);
    }
    if (verdict.kind === 'criminal') police(rng, steps, sla, poll);
    for (const target of targets) {
      const behaviour = world.platforms[target.platform]!;
      if (behaviour.objectAtPoll !== undefined) {
        steps.push({
          op: 'await',
          target: 'takedown_objected',
          maxMs: (behaviour.objectAtPoll + 2) * poll,
          stepMs: poll,
        });
        if (rng.chance(0.6)) jumpAround('objection_review');
        if (rng.chance(0.15))
          steps.push(
            update(
              'resolveObjection',
              'verifier',
              { takedownKey: 'objected', decision: 'reject', reason: 'not my call' },
              'single',
            ),
          );
        const decision = rng.chance(0.5) ? 'uphold' : 'reject';
        steps.push(
          update(
            'resolveObjection',
            rng.pick(['supervisor', 'supervisor2'] as const),
            { takedownKey: 'objected', decision, reason: `objection ${decision}ed after review` },
            sendMode(rng),
          ),
        );
      }
    }
    if (targets.length > 0 && rng.chance(0.6)) {
      const hours = rng.pick([sla('takedown_compliance') / HOUR, 24, 30, 60, 100]);
      steps.push({
        op: 'advance',
        ms: hours * HOUR * (poll / HOUR),
        why: 'across the compliance deadline and the escalation ladder',
      });
    }
    noise(rng.int(0, 2));
    if (rng.chance(0.05)) withdrawal(rng, steps);

    // --- monitoring -------------------------------------------------------------------------
    if (targets.length > 0) {
      steps.push({ op: 'await', target: 'monitoring', maxMs: 40 * poll, stepMs: poll });
      if (rng.chance(0.3)) {
        steps.push({ op: 'advance', ms: checkInterval * rng.int(1, 3), why: 'a few monitoring checks' });
        steps.push({ op: 'reupload', detect: rng.chance(0.5) });
      }
      const ending = rng.weighted({ closeAtContinueAsNew: 30, closeLater: 35, runOut: 35 });
      if (ending === 'closeAtContinueAsNew') {
        // A notification still pending when the run continues as new holds it in `settled()`:
        // closeMonitoring arrives then, and must not be lost with the run.
        steps.push({
          op: 'advanceToMonitoringCheck',
          checks: policy.monitoring.checksPerRun,
          offsetMs: -checkInterval / 48,
        });
        steps.push({ op: 'outage', activity: 'notify', ms: checkInterval / 8 });
        steps.push(
          update(
            'requestWithdrawal',
            'supervisor',
            { reason: 'asked for while monitoring ends, then reconsidered' },
            'single',
          ),
        );
        steps.push({
          op: 'advance',
          ms: checkInterval / 24,
          why: 'the monitoring check that continues the run as new',
        });
        steps.push(
          update('closeMonitoring', 'supervisor2', { reason: 'content stays down; closing' }, 'single'),
        );
      } else if (ending === 'closeLater') {
        steps.push({ op: 'advance', ms: checkInterval * rng.int(1, 12), why: 'monitoring days' });
        steps.push(
          update(
            'closeMonitoring',
            rng.pick(['supervisor', 'supervisor2'] as const),
            { reason: 'content stays down; closing' },
            sendMode(rng),
          ),
        );
      }
    }
  }
  noise(rng.int(0, 1));

  return {
    seed,
    content,
    world,
    steps,
    detectAfterClose: rng.chance(0.2),
    finale: rng.chance(0.7) ? 'complete' : 'withdraw',
  };
}

function update(
  name: CaseUpdateName,
  actor: OfficerKey,
  args: Record<string, unknown>,
  mode: SendMode,
): Extract<Step, { op: 'update' }> {
  return { op: 'update', name, actor, args, mode };
}

function sendMode(rng: Prng): SendMode {
  return rng.weighted<SendMode>({ single: 70, retry: 12, double: 10, concurrent: 8 });
}

/** A step that should be refused: a wrong role, a wrong stage or an invalid payload. */
function noiseStep(rng: Prng): Step {
  const name = rng.pick(UPDATE_NAMES);
  const actor = rng.pick(ALL_OFFICERS);
  const args: Record<string, unknown> = {
    assignVerifier: { assignee: 'verifier2' },
    submitVerdict: { verdict: { kind: 'no_violation', reasons: ['noise'] } },
    draftStatement: { kind: rng.pick(['clarification', 'response']) },
    approveStatement: { kind: rng.pick(['clarification', 'response']), revision: 'stale' },
    rejectStatement: { kind: rng.pick(['clarification', 'response']), revision: 'current', reason: 'noise' },
    acknowledgePolice: {},
    recordPoliceReport: { reportNumber: 'LP/B/1/XI/2025/SPKT/POLDA KALSEL' },
    recordPoliceFollowUp: { note: 'noise follow-up' },
    resolveObjection: { takedownKey: 'website-9', decision: 'uphold', reason: 'noise' },
    requestWithdrawal: { reason: 'short' },
    approveWithdrawal: {},
    closeMonitoring: { reason: 'noise' },
    reuseClarification: { fromCaseId: 'case-00000000000000000000' },
  }[name];
  const invalid = rng.chance(0.25);
  return { op: 'update', name, actor, args, mode: 'single', ...(invalid ? { invalid } : {}) };
}

function pickVerdict(rng: Prng, content: ScriptContent, contentPlatform: Platform, id: string): Verdict {
  const kind = rng.weighted({ no_violation: 15, hoax: 25, illegal: 30, criminal: 30 });
  const reasons = [`simulated ${kind} verdict`];
  const extraTargets = () =>
    Array.from({ length: rng.int(1, 2) }, (_, index) => {
      const platform = rng.pick(PLATFORMS);
      return { platform, url: URL_OF[platform](`${id.slice(index * 4, index * 4 + 40)}${index}`) };
    }).filter((target, index, all) => all.findIndex((other) => other.platform === target.platform) === index);
  if (kind === 'no_violation') return { kind, reasons };
  if (kind === 'hoax') {
    const takedown = content.url && rng.chance(0.3) ? [{ platform: contentPlatform, url: content.url }] : [];
    return { kind, label: rng.pick(HOAX_LABELS), reasons, takedown, publicResponse: rng.chance(0.5) };
  }
  const takedown = rng.chance(content.url ? 0.25 : 0.6) ? extraTargets() : [];
  return { kind, category: rng.pick(ACTION_CATEGORIES), reasons, takedown, publicResponse: rng.chance(0.25) };
}

function platformBehaviour(rng: Prng): PlatformScript {
  const comply = rng.weighted({ early: 35, late: 15, never: 30, claimsButStaysUp: 5, objects: 15 });
  const behaviour: PlatformScript = { complyAtPoll: 'never' };
  if (comply === 'early') behaviour.complyAtPoll = rng.int(1, 20);
  if (comply === 'late') behaviour.complyAtPoll = rng.int(25, 100);
  if (comply === 'claimsButStaysUp') {
    behaviour.complyAtPoll = rng.int(1, 10);
    behaviour.claimsRemovedButStaysUp = true;
  }
  if (comply === 'objects' || rng.chance(0.1)) {
    behaviour.objectAtPoll = rng.chance(0.8) ? rng.int(1, 20) : rng.int(26, 60);
    behaviour.objection = 'konten ini satire dan dilindungi kebebasan berekspresi';
    if (comply === 'objects' && rng.chance(0.3))
      behaviour.complyAtPoll = behaviour.objectAtPoll + rng.int(5, 80);
  }
  return behaviour;
}

function withdrawal(rng: Prng, steps: Step[]): void {
  steps.push(
    update(
      'requestWithdrawal',
      'supervisor',
      { reason: 'the reporter withdrew the complaint' },
      sendMode(rng),
    ),
  );
  if (rng.chance(0.4)) steps.push(update('approveWithdrawal', 'supervisor', {}, 'single'));
  if (rng.chance(0.8)) steps.push(update('approveWithdrawal', 'supervisor2', {}, sendMode(rng)));
}

function statement(
  rng: Prng,
  steps: Step[],
  kind: 'clarification' | 'response',
  jumpAround: (stage: SlaStage) => void,
): void {
  steps.push({
    op: 'await',
    target: kind === 'clarification' ? 'clarification_drafting' : 'response_drafting',
    maxMs: 0,
    stepMs: 0,
  });
  if (rng.chance(0.5))
    jumpAround(kind === 'clarification' ? 'clarification_publication' : 'response_publication');
  if (rng.chance(0.15))
    steps.push(update('draftStatement', kind === 'response' ? 'verifier' : 'police', { kind }, 'single'));
  const drafter: OfficerKey =
    kind === 'response'
      ? rng.pick(['pr', 'supervisor'] as const)
      : rng.pick(['verifier', 'pr', 'supervisor'] as const);
  const approver: OfficerKey =
    drafter === 'supervisor' ? 'supervisor2' : rng.pick(['supervisor', 'supervisor2'] as const);
  steps.push(update('draftStatement', drafter, { kind }, sendMode(rng)));
  if (rng.chance(0.3)) {
    steps.push(
      update(
        'rejectStatement',
        approver,
        { kind, revision: 'current', reason: 'sumber belum lengkap' },
        'single',
      ),
    );
    steps.push(update('draftStatement', drafter, { kind }, sendMode(rng)));
  }
  if (drafter === 'supervisor' && rng.chance(0.5))
    steps.push(update('approveStatement', 'supervisor', { kind, revision: 'current' }, 'single'));
  if (rng.chance(0.2))
    steps.push(update('approveStatement', approver, { kind, revision: 'stale' }, 'single'));
  if (rng.chance(0.9))
    steps.push(update('approveStatement', approver, { kind, revision: 'current' }, sendMode(rng)));
}

function police(rng: Prng, steps: Step[], sla: (stage: SlaStage) => number, poll: number): void {
  steps.push({ op: 'await', target: 'police_awaiting_acknowledgment', maxMs: 4 * poll, stepMs: poll / 2 });
  const ack = rng.weighted({ prompt: 45, late: 35, never: 20 });
  if (ack === 'never') return;
  if (ack === 'late') {
    const factor = rng.pick([0.6, 1.2, 3]);
    steps.push({
      op: 'advance',
      ms: Math.round(sla('police_acknowledgment') * factor),
      why: `${factor}x the police acknowledgment SLA`,
    });
  }
  steps.push(update('acknowledgePolice', 'police', {}, sendMode(rng)));
  if (rng.chance(0.3))
    steps.push(
      update(
        'recordPoliceFollowUp',
        rng.pick(['police', 'supervisor'] as const),
        { note: 'penyidik sudah menghubungi pelapor' },
        'single',
      ),
    );
  const report = rng.weighted({ prompt: 45, late: 35, never: 20 });
  if (report === 'never') return;
  if (report === 'late') {
    const factor = rng.pick([0.6, 1.2, 2]);
    steps.push({
      op: 'advance',
      ms: Math.round(sla('police_report') * factor),
      why: `${factor}x the police report SLA`,
    });
  }
  steps.push(
    update(
      'recordPoliceReport',
      'police',
      { reportNumber: `LP/B/${rng.int(1, 999)}/XI/2025/SPKT/POLDA KALSEL` },
      sendMode(rng),
    ),
  );
}
