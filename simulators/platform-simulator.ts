import { z } from 'zod';
import { Category } from '../domain/categories';
import {
  BlocklistRecommendation,
  TakedownRequest,
  TakedownWithdrawal,
  WarningLetter,
  type TakedownReceipt,
  type TakedownStatus,
} from '../domain/channels';
import { Platform } from '../domain/places';
import {
  header,
  startJsonServer,
  type Route,
  type RunningServer,
  type SimReply,
  type SimRequest,
} from './http-kit';
import { FaultSwitch } from './fault-switch';
import { removedPage } from './removed-pages';
import { IdempotencyStore } from './idempotency';
import { RequestLog } from './request-log';

export const PlatformBehaviour = z.object({
  /** Overrides the simulator-wide delay for this platform. */
  complyAfterMs: z.number().int().nonnegative().optional(),
  /** Categories this platform refuses to act on (e.g. defamation without a court order). */
  refuseCategories: z.array(Category).default([]),
  /** Categories this platform objects to ("sanggah"). */
  objectCategories: z.array(Category).default([]),
  /** When set, requests must carry `Authorization: Bearer <token>`. */
  token: z.string().min(1).optional(),
});

export const PlatformSimulatorConfig = z.object({
  /** How long a platform takes to remove content after a takedown request. */
  complyAfterMs: z.number().int().nonnegative().default(1_000),
  platforms: z.partialRecord(Platform, PlatformBehaviour).default({}),
});
export type PlatformSimulatorConfig = z.input<typeof PlatformSimulatorConfig>;

/**
 * Markers in a takedown's URL that steer the simulator per request:
 *   sim-refuse  the platform refuses;      sim-object  it objects (sanggah);
 *   sim-never   it never acts (pending);   sim-flaky   the first POST of a requestId answers 503.
 */
const MARKERS = {
  refuse: 'sim-refuse',
  object: 'sim-object',
  never: 'sim-never',
  flaky: 'sim-flaky',
} as const;

interface Ticket {
  ticketId: string;
  platform: Platform;
  request: TakedownRequest;
  receivedAt: number;
  outcome: 'removed' | 'refused' | 'objected' | 'never';
  reason?: string;
  complyAfterMs: number;
}

/**
 * A stand-in for the platforms' takedown channels (Meta, X, YouTube, TikTok, Telegram, file sharing)
 * and the blocklist path (`website`), speaking the protocol of HttpPlatformAdapter under
 * /platforms/{platform}. It complies after a delay, refuses or objects where configured, acts on each
 * requestId once, and serves content pages under /content/... that disappear once a takedown is done.
 */
export async function startPlatformSimulator(
  configInput: PlatformSimulatorConfig = {},
  listen: { host?: string; port?: number } = {},
) {
  const config = PlatformSimulatorConfig.parse(configInput);
  const log = new RequestLog();
  const takedowns = new IdempotencyStore<TakedownReceipt>();
  const letters = new IdempotencyStore<{ letterId: string }>();
  const recommendations = new IdempotencyStore<{ recommendationId: string }>();
  const withdrawals = new IdempotencyStore<{ withdrawnAt: string }>();
  const tickets = new Map<string, Ticket>();
  const flakyFailed = new Set<string>();
  let sequence = 0;

  const behaviourOf = (platform: Platform) => config.platforms[platform] ?? PlatformBehaviour.parse({});

  /** Auth and platform checks common to every platform route; a reply means "stop here". */
  const guard = (
    request: SimRequest,
    rawPlatform: string,
    kind: string,
  ): { platform: Platform } | SimReply => {
    const parsed = Platform.safeParse(rawPlatform);
    if (!parsed.success) return { status: 404, body: { error: `unknown platform ${rawPlatform}` } };
    const token = behaviourOf(parsed.data).token;
    if (token && header(request, 'authorization') !== `Bearer ${token}`) {
      log.add({
        method: request.method,
        path: request.url.pathname,
        kind,
        outcome: 'unauthorized',
        status: 401,
      });
      return { status: 401, body: { error: 'missing or wrong bearer token' } };
    }
    return { platform: parsed.data };
  };

  /** The shared shape of an idempotent write: validate, dedupe, act once. */
  function idempotentWrite<S extends z.ZodType<{ requestId: string }>, A>(
    request: SimRequest,
    kind: string,
    schema: S,
    store: IdempotencyStore<A>,
    act: (body: z.output<S>) => { status: number; answer: A } | (SimReply & { outcome: string }),
  ): SimReply {
    const path = request.url.pathname;
    const parsed = schema.safeParse(request.json);
    if (!parsed.success) {
      log.add({
        method: 'POST',
        path,
        kind,
        outcome: 'invalid',
        status: 422,
        detail: parsed.error.message.slice(0, 300),
      });
      return { status: 422, body: { error: z.prettifyError(parsed.error) } };
    }
    const body = parsed.data;
    const key = header(request, 'idempotency-key');
    if (key !== undefined && key !== body.requestId) {
      log.add({
        method: 'POST',
        path,
        kind,
        requestId: body.requestId,
        outcome: 'invalid',
        status: 400,
        detail: 'Idempotency-Key differs from requestId',
      });
      return { status: 400, body: { error: 'Idempotency-Key must equal the body requestId' } };
    }
    const known = store.check(body.requestId, body);
    if (known.kind === 'replay') {
      log.add({ method: 'POST', path, kind, requestId: body.requestId, outcome: 'duplicate', status: 200 });
      return { status: 200, body: known.answer, headers: { 'idempotent-replayed': 'true' } };
    }
    if (known.kind === 'conflict') {
      log.add({ method: 'POST', path, kind, requestId: body.requestId, outcome: 'conflict', status: 409 });
      return {
        status: 409,
        body: { error: `requestId ${body.requestId} was already used for a different request` },
      };
    }
    const result = act(body);
    if (!('answer' in result)) {
      log.add({
        method: 'POST',
        path,
        kind,
        requestId: body.requestId,
        outcome: result.outcome,
        status: result.status,
      });
      return result;
    }
    store.remember(body.requestId, body, result.answer);
    log.add({
      method: 'POST',
      path,
      kind,
      requestId: body.requestId,
      outcome: 'accepted',
      status: result.status,
    });
    return { status: result.status, body: result.answer };
  }

  const statusOf = (ticket: Ticket): TakedownStatus => {
    const due = ticket.receivedAt + ticket.complyAfterMs;
    if (ticket.outcome === 'never' || Date.now() < due)
      return { status: 'pending', updatedAt: new Date(ticket.receivedAt).toISOString() };
    const updatedAt = new Date(due).toISOString();
    if (ticket.outcome === 'removed') return { status: 'removed', updatedAt };
    return { status: ticket.outcome, reason: ticket.reason, updatedAt };
  };

  const routes: Route[] = [
    log.route(),
    {
      method: 'POST',
      path: /^\/platforms\/([^/]+)\/takedowns$/,
      handle(request, [rawPlatform = '']) {
        const guarded = guard(request, rawPlatform, 'takedown');
        if (!('platform' in guarded)) return guarded;
        const { platform } = guarded;
        return idempotentWrite(request, 'takedown', TakedownRequest, takedowns, (body) => {
          if (body.platform !== platform)
            return {
              status: 422,
              outcome: 'invalid',
              body: { error: `request is for ${body.platform}, sent to ${platform}` },
            };
          if (body.url.includes(MARKERS.flaky) && !flakyFailed.has(body.requestId)) {
            flakyFailed.add(body.requestId);
            return {
              status: 503,
              outcome: 'failed_transient',
              body: { error: 'temporarily unavailable (simulated)' },
            };
          }
          const behaviour = behaviourOf(platform);
          const receivedAt = Date.now();
          const ticketId = `${platform.toUpperCase()}-TD-${String(++sequence).padStart(6, '0')}`;
          let outcome: Ticket['outcome'] = 'removed';
          let reason: string | undefined;
          if (body.url.includes(MARKERS.never)) outcome = 'never';
          else if (body.url.includes(MARKERS.refuse) || behaviour.refuseCategories.includes(body.category)) {
            outcome = 'refused';
            reason = 'The reported content does not violate our Community Standards (simulated refusal).';
          } else if (
            body.url.includes(MARKERS.object) ||
            behaviour.objectCategories.includes(body.category)
          ) {
            outcome = 'objected';
            reason =
              'Sanggah: konten merupakan pemberitaan yang dilindungi; mohon sertakan putusan pengadilan (simulated objection).';
          }
          tickets.set(ticketId, {
            ticketId,
            platform,
            request: body,
            receivedAt,
            outcome,
            reason,
            complyAfterMs: behaviour.complyAfterMs ?? config.complyAfterMs,
          });
          return { status: 201, answer: { ticketId, receivedAt: new Date(receivedAt).toISOString() } };
        });
      },
    },
    {
      method: 'GET',
      path: /^\/platforms\/([^/]+)\/takedowns\/([^/]+)$/,
      handle(request, [rawPlatform = '', ticketId = '']) {
        const guarded = guard(request, rawPlatform, 'status');
        if (!('platform' in guarded)) return guarded;
        const ticket = tickets.get(ticketId);
        if (!ticket || ticket.platform !== guarded.platform) {
          log.add({
            method: 'GET',
            path: request.url.pathname,
            kind: 'status',
            outcome: 'unknown_ticket',
            status: 404,
          });
          return { status: 404, body: { error: `no ticket ${ticketId}` } };
        }
        const status = statusOf(ticket);
        log.add({
          method: 'GET',
          path: request.url.pathname,
          kind: 'status',
          requestId: ticket.request.requestId,
          outcome: status.status,
          status: 200,
        });
        return { status: 200, body: status };
      },
    },
    {
      method: 'POST',
      path: /^\/platforms\/([^/]+)\/takedowns\/([^/]+)\/withdrawal$/,
      handle(request, [rawPlatform = '', ticketId = '']) {
        const guarded = guard(request, rawPlatform, 'withdrawal');
        if (!('platform' in guarded)) return guarded;
        return idempotentWrite(request, 'withdrawal', TakedownWithdrawal, withdrawals, (withdrawal) => {
          const ticket = tickets.get(ticketId);
          if (!ticket || withdrawal.ticketId !== ticketId)
            return { status: 404, outcome: 'unknown_ticket', body: { error: `no ticket ${ticketId}` } };
          ticket.outcome = 'never';
          return { status: 201, answer: { withdrawnAt: new Date().toISOString() } };
        });
      },
    },
    {
      method: 'POST',
      path: /^\/platforms\/([^/]+)\/warning-letters$/,
      handle(request, [rawPlatform = '']) {
        const guarded = guard(request, rawPlatform, 'warning_letter');
        if (!('platform' in guarded)) return guarded;
        return idempotentWrite(request, 'warning_letter', WarningLetter, letters, (letter) => ({
          status: 201,
          answer: {
            letterId: `${letter.level}-${guarded.platform.toUpperCase()}-${String(++sequence).padStart(6, '0')}`,
          },
        }));
      },
    },
    {
      method: 'POST',
      path: /^\/platforms\/([^/]+)\/blocklist-recommendations$/,
      handle(request, [rawPlatform = '']) {
        const guarded = guard(request, rawPlatform, 'blocklist');
        if (!('platform' in guarded)) return guarded;
        return idempotentWrite(request, 'blocklist', BlocklistRecommendation, recommendations, () => ({
          status: 201,
          answer: { recommendationId: `TP-${String(++sequence).padStart(6, '0')}` },
        }));
      },
    },
    {
      // Content to check liveness against: once a takedown of this URL is done, the page says so.
      method: 'GET',
      path: /^\/content\/(.+)$/,
      handle(request) {
        const path = request.url.pathname;
        if (path.includes('sim-gone-410')) return { status: 410, html: '<h1>Gone</h1>' };
        const removed = [...tickets.values()].find(
          (ticket) => safePath(ticket.request.url) === path && statusOf(ticket).status === 'removed',
        );
        if (removed) return { status: 200, html: removedPage(removed.platform) };
        return {
          status: 200,
          html: `<html><head><title>Simulated post</title></head><body><article>Simulated post at ${escapeHtml(path)}</article></body></html>`,
        };
      },
    },
  ];

  const server: RunningServer = await startJsonServer(routes, listen, new FaultSwitch());
  return { ...server, log };
}

function safePath(url: string): string | undefined {
  try {
    return new URL(url).pathname;
  } catch {
    return undefined;
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
