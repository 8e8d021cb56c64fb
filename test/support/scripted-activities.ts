import { createHash } from 'node:crypto';
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { CaseActivities } from '../../activities/contract';
import { ACTIVITY_INPUT_SCHEMAS } from '../../activities/input-schemas';
import { parseInput } from '../../activities/input';
import {
  BlocklistRecommendation,
  Notification,
  PolicePackage,
  Statement,
  TakedownRequest,
  WarningLetter,
  type Classification,
  type EvidenceRecord,
  type Liveness,
  type Platform,
  type TakedownStatus,
} from '../../domain';

/**
 * A scripted implementation of CaseActivities for workflow tests: each test says how the world
 * behaves (which platform complies at which poll, what liveness checks answer, which activity hangs)
 * and reads back every call with the server time it was scheduled at. Every input is first parsed
 * with the real activity's own schema (activities/input-schemas.ts) and the same `parseInput`, so a
 * workflow sending an input the real activity refuses fails here the same way (non-retryable
 * InvalidActivityInput); a scripted activity is never laxer than the real one.
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
  /**
   * Outages: an attempt scheduled (server time, ms) inside a window fails with a retryable
   * `ChannelUnavailable` failure, as an unreachable platform or police endpoint does.
   */
  outages?: Partial<Record<keyof CaseActivities, { fromMs: number; toMs: number }[]>>;
}

export const SCRIPTED_ACTIVITY_NAMES: (keyof CaseActivities)[] = [
  'classifyContent',
  'captureSnapshot',
  'verifyEvidence',
  'notify',
  'requestTakedown',
  'checkTakedownStatus',
  'sendWarningLetter',
  'recommendBlocklist',
  'checkLiveness',
  'deliverPolicePackage',
  'publishStatement',
  'archiveCaseHistory',
];

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
    return Object.fromEntries(SCRIPTED_ACTIVITY_NAMES.map((name) => [name, (input: unknown) => this.call(name, input)])) as unknown as CaseActivities;
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

  /** One activity attempt (called from inside an activity context). */
  async call(name: keyof CaseActivities, input: unknown): Promise<unknown> {
    const info = Context.current().info;
    const scheduledAtMs = info.currentAttemptScheduledTimestampMs;
    this.calls.push({ name, input, scheduledAtMs, attempt: info.attempt });
    parseInput(name, ACTIVITY_INPUT_SCHEMAS[name], input);
    if (this.script.hang?.[name]) {
      await Context.current().cancelled;
    }
    const outage = this.script.outages?.[name]?.find((window) => scheduledAtMs >= window.fromMs && scheduledAtMs < window.toMs);
    if (outage) {
      throw ApplicationFailure.retryable(`${name}: channel unavailable until ${new Date(outage.toMs).toISOString()}`, 'ChannelUnavailable');
    }
    const method = (this[name] as (this: ScriptedActivities, input: never) => Promise<unknown>).bind(this);
    return method(input as never);
  }

  private next(prefix: string): string {
    this.counter += 1;
    return `${prefix}-${this.counter}`;
  }

  private validate<T>(schema: { safeParse(input: unknown): { success: true; data: T } | { success: false; error: Error } }, input: unknown): T {
    const parsed = schema.safeParse(input);
    if (!parsed.success) throw ApplicationFailure.nonRetryable(`scripted activity got a bad input: ${parsed.error.message}`, 'BAD_INPUT');
    return parsed.data;
  }

  async classifyContent(_input: { caseId: string; text?: string; url?: string }): Promise<Classification> {
    return { confidence: 0, rules: [], alternatives: [], suggestedPriority: 'normal', ...this.script.classification };
  }

  async captureSnapshot(input: { requestId: string; caseId: string; url?: string; text?: string }): Promise<EvidenceRecord> {
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

  async verifyEvidence(input: { record: EvidenceRecord }): Promise<{ intact: boolean; actualSha256: string }> {
    return { intact: true, actualSha256: input.record.sha256 };
  }

  async notify(input: Notification) {
    this.validate(Notification, input);
    return { deliveries: [{ channel: 'webhook' as const, ok: true }] };
  }

  async requestTakedown(input: TakedownRequest) {
    const request = this.validate(TakedownRequest, input);
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
      return { status: 'objected', reason: script.objection ?? 'the content is lawful satire', updatedAt: nowIso() };
    }
    return { status: 'pending', updatedAt: nowIso() };
  }

  async sendWarningLetter(input: WarningLetter) {
    const letter = this.validate(WarningLetter, input);
    return { letterId: this.next(`letter-${letter.level}`) };
  }

  async recommendBlocklist(input: BlocklistRecommendation) {
    this.validate(BlocklistRecommendation, input);
    return { recommendationId: this.next('trustpositif') };
  }

  async checkLiveness(input: { url: string; platform?: Platform }): Promise<Liveness> {
    this.livenessCalls += 1;
    const removed = this.removedUrls.has(input.url);
    const state = this.script.liveness?.(input.url, removed, this.livenessCalls) ?? (removed ? 'gone' : 'up');
    return { state, ...(state === 'gone' ? { httpStatus: 404 } : state === 'up' ? { httpStatus: 200 } : {}), reason: state === 'gone' ? '404' : state, checkedAt: nowIso() };
  }

  /** Marks a URL as back online (a re-upload), as the monitor will see it. */
  reupload(url: string): void {
    this.removedUrls.delete(url);
  }

  async deliverPolicePackage(input: PolicePackage) {
    this.validate(PolicePackage, input);
    return { referenceId: this.next('POLDA-KALSEL-PKG'), receivedAt: nowIso() };
  }

  async publishStatement(input: Statement) {
    const statement = this.validate(Statement, input);
    return {
      publications: statement.channels.map((channel) => ({
        channel,
        url: `https://diskominfo.kalselprov.go.id/${statement.kind}/${sha256(statement.requestId).slice(0, 10)}/${channel}`,
        publishedAt: nowIso(),
      })),
    };
  }

  async archiveCaseHistory(input: { requestId: string; caseId: string; workflowId: string; runId?: string }): Promise<EvidenceRecord> {
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
