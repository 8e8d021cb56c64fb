import { z } from 'zod';
import { NOTIFICATION_AUDIENCES } from '../domain/channels';
import { PLATFORMS, Platform } from '../domain/places';
import { OfficerId } from '../domain/roles';
import { S3Config } from './s3';

const Milliseconds = z.number().int().positive();

/** Retention applied to each new evidence object, where the bucket has Object Lock enabled. */
export const ObjectLockPolicy = z.object({
  /** COMPLIANCE: nobody, not even the account root, can delete before the date; GOVERNANCE: a privileged role can. */
  mode: z.enum(['GOVERNANCE', 'COMPLIANCE']),
  retainDays: z.number().int().positive().max(36_500),
});
export type ObjectLockPolicy = z.infer<typeof ObjectLockPolicy>;

/** A partner's API: platform, police liaison, publishing. */
export const ChannelEndpointConfig = z.object({
  endpoint: z.url({ protocol: /^https?$/ }),
  /** Bearer token; in the cloud, read from Secrets Manager by the worker before parsing. */
  token: z.string().min(1).optional(),
  timeoutMs: Milliseconds.default(15_000),
  /** Largest answer read from the partner; a longer one fails the attempt unread. */
  maxResponseBytes: z
    .number()
    .int()
    .positive()
    .max(64 * 1024 * 1024)
    .default(1024 * 1024),
});
export type ChannelEndpointConfig = z.infer<typeof ChannelEndpointConfig>;

/** How fast Saring may call one platform (config `activities.platforms.<platform>.rateLimit`). */
export const PlatformRateLimit = z.strictObject({
  requestsPerSecond: z.number().positive().max(10_000),
  /** Calls allowed at once after a quiet spell. */
  burst: z.number().int().min(1).max(10_000).default(1),
  /**
   * The longest an activity waits for its turn. Past it the attempt fails as retryable
   * (PlatformRateLimited, activities/channels/rate-limited-platform.ts) and Temporal's retry policy tries again later, taking its turn again:
   * a retry never jumps the queue, and no activity waits out its start-to-close timeout.
   */
  maxWaitMs: z.number().int().positive().max(600_000).default(10_000),
});
export type PlatformRateLimit = z.infer<typeof PlatformRateLimit>;

/** A platform's channel: its endpoint, and optionally the rate Saring may call it at. */
export const PlatformChannelConfig = ChannelEndpointConfig.extend({
  rateLimit: PlatformRateLimit.optional(),
});

/** How reported URLs are fetched (snapshots, liveness checks). */
export const FetchPolicy = z.object({
  userAgent: z
    .string()
    .min(1)
    .default('Mozilla/5.0 (compatible; SaringBot/0.1; +https://diskominfo.kalselprov.go.id)'),
  /** Lets fetches reach loopback/private addresses on any port. Only for the local demo; never in the cloud. */
  allowPrivateNetwork: z.boolean().default(false),
  /** Exact address + port pairs let through despite the egress rules (a test's own server). Keep empty in the cloud. */
  allowTargets: z
    .array(z.object({ address: z.union([z.ipv4(), z.ipv6()]), port: z.number().int().min(1).max(65_535) }))
    .max(4, 'allowTargets is for a test server or two; use allowPrivateNetwork for a local demo')
    .default([]),
  /** DNS servers (ip or ip:port) for reported URLs' host names; the OS resolver when absent. */
  dnsServers: z
    .array(
      z
        .string()
        .regex(
          /^[0-9a-fA-F.:[\]]+$/,
          'an IP address, optionally with :port, e.g. 10.0.0.2 or 127.0.0.1:5353',
        ),
    )
    .min(1)
    .optional(),
  snapshot: z
    .object({
      timeoutMs: Milliseconds.default(20_000),
      maxBytes: z
        .number()
        .int()
        .positive()
        .default(5 * 1024 * 1024),
    })
    .prefault({}),
  liveness: z
    .object({
      timeoutMs: Milliseconds.default(10_000),
      maxBytes: z
        .number()
        .int()
        .positive()
        .default(512 * 1024),
    })
    .prefault({}),
});
export type FetchPolicy = z.infer<typeof FetchPolicy>;

const Audience = z.enum(NOTIFICATION_AUDIENCES);

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', '[::1]', 'localhost']);

export const NotificationsConfig = z.object({
  webhook: z
    .object({
      url: z.url({ protocol: /^https?$/ }),
      secret: z.string().min(16).optional(),
      timeoutMs: Milliseconds.default(10_000),
    })
    .optional(),
  email: z
    .object({
      host: z.string().min(1),
      port: z.number().int().min(1).max(65_535),
      secure: z.boolean().default(false),
      /** Refuse to send unless the server upgrades to TLS (STARTTLS). Only a loopback server (the local sink) may go without. */
      requireTLS: z.boolean().default(true),
      auth: z.object({ user: z.string().min(1), pass: z.string().min(1) }).optional(),
      from: z.email(),
      messageIdDomain: z.string().min(1).optional(),
      recipients: z.partialRecord(Audience, z.array(z.email()).min(1)),
      officerEmails: z.record(OfficerId, z.email()).default({}),
      timeoutMs: Milliseconds.default(15_000),
    })
    .refine((email) => email.secure || email.requireTLS || LOOPBACK_HOSTS.has(email.host), {
      path: ['requireTLS'],
      message:
        'plain-text SMTP is only for a loopback server (the local sink): set requireTLS to true, or secure to true for port 465',
    })
    .optional(),
});
export type NotificationsConfig = z.infer<typeof NotificationsConfig>;

/** Everything the activities need to reach the outside world. Parsed once by the worker. */
export const ActivitiesConfig = z.object({
  s3: S3Config,
  /** Retention for new evidence objects, applied where the bucket has Object Lock enabled. */
  objectLock: ObjectLockPolicy.optional(),
  fetch: FetchPolicy.prefault({}),
  /** Takedown channel per platform; `website` is the blocklist (TrustPositif) path. */
  platforms: z.partialRecord(Platform, PlatformChannelConfig),
  police: ChannelEndpointConfig,
  publishing: ChannelEndpointConfig,
  notifications: NotificationsConfig.prefault({}),
});
export type ActivitiesConfig = z.infer<typeof ActivitiesConfig>;
export type ActivitiesConfigInput = z.input<typeof ActivitiesConfig>;

/** Base URLs of the local simulators, as `startSimulators()` returns them. */
export interface LocalChannelUrls {
  platformSimulator: string;
  policeSimulator: string;
  publishingSimulator: string;
  webhookSink: string;
  /** smtp://host:port */
  smtpSink: string;
}

/**
 * The configuration for the embedded local setup (and integration tests): every platform on the
 * platform simulator, police and publishing on theirs, notifications to the local webhook receiver and
 * SMTP sink. Fetching may reach loopback so the demo's content pages can be snapshotted.
 */
export function localActivitiesConfig(args: {
  s3: z.input<typeof S3Config>;
  channels: LocalChannelUrls;
  objectLock?: ObjectLockPolicy;
}): ActivitiesConfig {
  const smtp = new URL(args.channels.smtpSink);
  return ActivitiesConfig.parse({
    s3: args.s3,
    objectLock: args.objectLock,
    fetch: { allowPrivateNetwork: true },
    platforms: Object.fromEntries(
      PLATFORMS.map((platform) => [
        platform,
        { endpoint: `${args.channels.platformSimulator}/platforms/${platform}`, timeoutMs: 5_000 },
      ]),
    ),
    police: { endpoint: args.channels.policeSimulator, timeoutMs: 5_000 },
    publishing: { endpoint: args.channels.publishingSimulator, timeoutMs: 5_000 },
    notifications: {
      webhook: {
        url: `${args.channels.webhookSink}/hooks/rapid-response`,
        secret: 'local-webhook-secret',
        timeoutMs: 5_000,
      },
      email: {
        host: smtp.hostname,
        port: Number(smtp.port),
        // The local SMTP sink speaks plain text on loopback; everywhere else requireTLS stays on (the default).
        requireTLS: false,
        from: 'saring@diskominfo.kalselprov.go.id',
        recipients: {
          rapid_response_unit: ['rapid-response@diskominfo.kalselprov.go.id'],
          supervisors: ['supervisors@diskominfo.kalselprov.go.id'],
          police_liaison: ['liaison@humas.polda-kalsel.example'],
          public_relations: ['humas@diskominfo.kalselprov.go.id'],
        },
        timeoutMs: 5_000,
      },
    },
  });
}
