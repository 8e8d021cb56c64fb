import { createHash } from 'node:crypto';
import type { ClaimMatch } from '../../activities/claims/claim-index';
import { scriptedLearningActivities } from './scripted-learning';
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { CaseActivities } from '../../activities/contract';
import { parseInput } from '../../activities/input';
import { ACTIVITY_INPUT_SCHEMAS, type StoreTextInput } from '../../activities/input-schemas';
import type {
  BlocklistRecommendation,
  Notification,
  PolicePackage,
  Statement,
  TakedownRequest,
  TakedownWithdrawal,
  TextRef,
  WarningLetter,
  Classification,
  EvidenceRecord,
  Liveness,
  Platform,
  TakedownStatus,
} from '../../domain';

/**
 * A scripted implementation of CaseActivities for workflow tests: each test says how the world
 * behaves (which platform complies at which poll, what liveness checks answer, which activity hangs)
 * and reads back every call with the server time it was scheduled at. Every input is parsed with the
 * real activity's own schema (activities/input-schemas.ts) and the same parseInput, so a double is
 * never laxer than the activity it stands for.
 */
export interface PlatformScript {
  /** Poll (1-based) at which the platform reports the content removed; never by default. */
  complyAtPoll?: number | 'never';
  /** The platform objects ("sanggah") at this poll. */
  objectAtPoll?: number;
  objection?: string;
  /** It claims removal but the URL stays reachable. */
  claimsRemovedButStaysUp?: boolean;
}

export interface ActivityScript {
  classification?: Partial<Classification>;
  platforms?: Partial<Record<Platform, PlatformScript>>;
  /** Overrides liveness answers; `removed` says whether the scripted platform removed the URL. */
  liveness?: (url: string, removed: boolean, call: number) => Liveness['state'];
  /** Activities that wait until cancelled (worker shutdown) instead of answering. */
  hang?: Partial<Record<keyof CaseActivities, boolean>>;
  /** Activities that wait for the returned promise before answering (e.g. a notification held by the test). */
  gate?: Partial<Record<keyof CaseActivities, (input: unknown) => Promise<void> | undefined>>;
  /** Activities that fail (retryable) while this says so; `attempt` is the activity attempt, `atMs` the server time. */
  fail?: Partial<
    Record<keyof CaseActivities, (call: { attempt: number; atMs: number; input: unknown }) => boolean>
  >;
  /** What matchClaim answers for a text (issue 15); no match by default. */
  claimMatch?: (text: string) => ClaimMatch | null;
}

export interface RecordedCall {
  name: keyof CaseActivities;
  input: unknown;
  /** Server time (ms) the attempt was scheduled at: skipped time included. */
  scheduledAtMs: number;
  attempt: number;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const nowIso = () => new Date().toISOString();

export class ScriptedActivities implements CaseActivities {
  readonly calls: RecordedCall[] = [];
  private readonly tickets = new Map<string, { platform: Platform; url: string; polls: number }>();
  private readonly removedUrls = new Set<string>();
  private counter = 0;
  private livenessCalls = 0;

  constructor(public script: ActivityScript = {}) {}

  /** The object to pass to Worker.create({ activities }). */
  activities(): CaseActivities {
    const names: (keyof CaseActivities)[] = [
      'classifyContent',
      'captureSnapshot',
      'verifyEvidence',
      'notify',
      'requestTakedown',
      'checkTakedownStatus',
      'sendWarningLetter',
      'recommendBlocklist',
      'withdrawTakedown',
      'checkLiveness',
      'deliverPolicePackage',
      'publishStatement',
      'archiveCaseHistory',
      'storeCaseText',
    ];
    return {
      ...Object.fromEntries(names.map((name) => [name, (input: unknown) => this.call(name, input)])),
      ...scriptedLearningActivities(this.script.claimMatch),
    } as unknown as CaseActivities;
  }

  callsOf(name: keyof CaseActivities): RecordedCall[] {
    return this.calls.filter((call) => call.name === name);
  }

  /** Notifications sent, optionally of one kind. */
  notifications(kind?: Notification['kind']): Notification[] {
    return this.callsOf('notify')
      .map((call) => call.input as Notification)
      .filter((notification) => kind === undefined || notification.kind === kind);
  }

  /** One activity attempt, from inside an activity context (the simulator routes calls here). */
  async call(name: keyof CaseActivities, input: unknown): Promise<unknown> {
    const info = Context.current().info;
    this.calls.push({
      name,
      input,
      scheduledAtMs: info.currentAttemptScheduledTimestampMs,
      attempt: info.attempt,
    });
    const parsed: unknown = parseInput(name, ACTIVITY_INPUT_SCHEMAS[name], input);
    if (this.script.hang?.[name]) {
      await Context.current().cancelled;
    }
    const gate = this.script.gate?.[name]?.(parsed);
    if (gate) await gate;
    if (
      this.script.fail?.[name]?.({
        attempt: info.attempt,
        atMs: info.currentAttemptScheduledTimestampMs,
        input: parsed,
      })
    ) {
      throw ApplicationFailure.retryable(`scripted outage of ${name}`, 'ScriptedOutage');
    }
    const method = (this[name] as (this: ScriptedActivities, input: never) => Promise<unknown>).bind(this);
    return method(parsed as never);
  }

  private next(prefix: string): string {
    this.counter += 1;
    return `${prefix}-${this.counter}`;
  }

  async classifyContent(_input: { caseId: string; text?: string; url?: string }): Promise<Classification> {
    return {
      confidence: 0,
      rules: [],
      alternatives: [],
      suggestedPriority: 'normal',
      ...this.script.classification,
    };
  }

  async captureSnapshot(input: {
    requestId: string;
    caseId: string;
    url?: string;
    text?: string;
  }): Promise<EvidenceRecord> {
    const body = `<html>${input.url ?? ''}${input.text ?? ''}</html>`;
    return {
      kind: 'snapshot',
      bucket: 'saring-evidence-test',
      key: `cases/${input.caseId}/snapshot-${sha256(input.requestId).slice(0, 8)}.html`,
      versionId: 'v1',
      sha256: sha256(body),
      size: body.length,
      contentType: 'text/html',
      capturedAt: nowIso(),
      ...(input.url ? { fetch: { url: input.url, status: 200 } } : {}),
    };
  }

  async verifyEvidence(input: {
    record: EvidenceRecord;
  }): Promise<{ intact: boolean; actualSha256: string }> {
    return { intact: true, actualSha256: input.record.sha256 };
  }

  async notify(_input: Notification) {
    return { deliveries: [{ channel: 'webhook' as const, ok: true }] };
  }

  async requestTakedown(input: TakedownRequest) {
    const request = input;
    const ticketId = `${request.platform}-ticket-${sha256(request.requestId).slice(0, 8)}`;
    this.tickets.set(ticketId, { platform: request.platform, url: request.url, polls: 0 });
    return { ticketId, receivedAt: nowIso() };
  }

  async checkTakedownStatus(input: { platform: Platform; ticketId: string }): Promise<TakedownStatus> {
    const ticket = this.tickets.get(input.ticketId);
    if (!ticket) throw ApplicationFailure.nonRetryable(`unknown ticket ${input.ticketId}`, 'UNKNOWN_TICKET');
    ticket.polls += 1;
    const script = this.script.platforms?.[ticket.platform] ?? {};
    const complyAt = script.complyAtPoll ?? 'never';
    if (complyAt !== 'never' && ticket.polls >= complyAt) {
      if (!script.claimsRemovedButStaysUp) this.removedUrls.add(ticket.url);
      return { status: 'removed', updatedAt: nowIso() };
    }
    if (script.objectAtPoll !== undefined && ticket.polls >= script.objectAtPoll) {
      return {
        status: 'objected',
        reason: script.objection ?? 'the content is lawful satire',
        updatedAt: nowIso(),
      };
    }
    return { status: 'pending', updatedAt: nowIso() };
  }

  async sendWarningLetter(input: WarningLetter) {
    const letter = input;
    return { letterId: this.next(`letter-${letter.level}`) };
  }

  async withdrawTakedown(input: TakedownWithdrawal) {
    return { withdrawnAt: `${nowIso().slice(0, 19)}Z`, ticketId: input.ticketId };
  }

  async recommendBlocklist(_input: BlocklistRecommendation) {
    return { recommendationId: this.next('trustpositif') };
  }

  async checkLiveness(input: { url: string; platform?: Platform }): Promise<Liveness> {
    this.livenessCalls += 1;
    const removed = this.removedUrls.has(input.url);
    const state = this.script.liveness?.(input.url, removed, this.livenessCalls) ?? (removed ? 'gone' : 'up');
    return {
      state,
      ...(state === 'gone' ? { httpStatus: 404 } : state === 'up' ? { httpStatus: 200 } : {}),
      reason: state === 'gone' ? '404' : state,
      checkedAt: nowIso(),
    };
  }

  /** Marks a URL as back online (a re-upload), as the monitor will see it. */
  reupload(url: string): void {
    this.removedUrls.delete(url);
  }

  async deliverPolicePackage(_input: PolicePackage) {
    return { referenceId: this.next('POLDA-KALSEL-PKG'), receivedAt: nowIso() };
  }

  async publishStatement(input: Statement) {
    const statement = input;
    return {
      publications: statement.channels.map((channel) => ({
        channel,
        url: `https://diskominfo.kalselprov.go.id/${statement.kind}/${sha256(statement.requestId).slice(0, 10)}/${channel}`,
        publishedAt: nowIso(),
      })),
    };
  }

  /** Texts stored with storeCaseText, by key. */
  readonly texts = new Map<string, string>();

  async storeCaseText(input: StoreTextInput): Promise<TextRef> {
    const key = `cases/${input.caseId}/document/${input.kind}:${input.requestId}.txt`;
    if (!this.texts.has(key)) this.texts.set(key, input.text);
    const text = this.texts.get(key)!;
    return { bucket: 'saring-evidence-test', key, sha256: sha256(text), size: Buffer.byteLength(text) };
  }

  async archiveCaseHistory(input: {
    requestId: string;
    caseId: string;
    workflowId: string;
    runId?: string;
  }): Promise<EvidenceRecord> {
    return {
      kind: 'history_archive',
      bucket: 'saring-audit-test',
      key: `histories/${input.workflowId}/${input.runId ?? 'latest'}.json`,
      sha256: sha256(input.requestId),
      size: 1,
      contentType: 'application/json',
      capturedAt: nowIso(),
    };
  }
}
