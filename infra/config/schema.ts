import { z } from 'zod';

/** CloudWatch Logs accepts only these retention periods (days). */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/** Fargate accepts only these memory sizes (MiB) for each CPU size (units of 1/1024 vCPU). */
const FARGATE_MEMORY_BY_CPU: Record<number, (memory: number) => boolean> = {
  256: (m) => [512, 1024, 2048].includes(m),
  512: (m) => m >= 1024 && m <= 4096 && m % 1024 === 0,
  1024: (m) => m >= 2048 && m <= 8192 && m % 1024 === 0,
  2048: (m) => m >= 4096 && m <= 16384 && m % 1024 === 0,
  4096: (m) => m >= 8192 && m <= 30720 && m % 1024 === 0,
};

export const FargateSize = z
  .object({
    cpu: z.number().int(),
    memoryMiB: z.number().int(),
  })
  .superRefine((size, ctx) => {
    const fits = FARGATE_MEMORY_BY_CPU[size.cpu];
    if (!fits) {
      ctx.addIssue({
        code: 'custom',
        path: ['cpu'],
        message: `Fargate CPU must be one of ${Object.keys(FARGATE_MEMORY_BY_CPU).join(', ')}`,
      });
    } else if (!fits(size.memoryMiB)) {
      ctx.addIssue({
        code: 'custom',
        path: ['memoryMiB'],
        message: `${size.memoryMiB} MiB is not a valid Fargate memory size for ${size.cpu} CPU units`,
      });
    }
  });

const LogRetentionDays = z
  .number()
  .int()
  .refine((days) => (LOG_RETENTION_DAYS as readonly number[]).includes(days), {
    message: `must be one of the CloudWatch Logs retention periods: ${LOG_RETENTION_DAYS.join(', ')}`,
  });

/** AWS services reachable through interface VPC endpoints, by their endpoint service suffix. */
export const INTERFACE_ENDPOINTS = [
  'ecr.api',
  'ecr.dkr',
  'logs',
  'secretsmanager',
  'kms',
  'monitoring',
  'sts',
] as const;

const Port = z.number().int().min(1024).max(65535);
const ImageTag = z
  .string()
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, 'an image tag (no "latest": pin an exact version)')
  .refine((tag) => tag !== 'latest', 'pin an exact version, not "latest"');
const HostAndPort = z.string().regex(/^[a-z0-9.-]+:\d{2,5}$/, 'host:port');
const DomainName = z.string().regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/, 'a lower-case DNS name');

const TemporalService = FargateSize.and(z.object({ desiredCount: z.number().int().min(1).max(10) }));

export const SelfHostedTemporal = z
  .object({
    /** temporalio/server tag. 1.29.x images render their config from the environment variables set here. */
    serverVersion: ImageTag,
    /** temporalio/admin-tools tag: same server version (its schema files must match the server). */
    adminToolsVersion: ImageTag,
    uiVersion: ImageTag,
    /** How long closed workflow histories stay in the application namespace (the audit trail keeps its own copy). */
    namespaceRetentionDays: z.number().int().min(1).max(3650),
    /** Fixed at the first schema setup: changing it later needs a new cluster. */
    numHistoryShards: z.number().int().min(1).max(16384),
    frontend: TemporalService,
    history: TemporalService,
    matching: TemporalService,
    worker: TemporalService,
    ui: TemporalService,
    /** One-off task: schema setup/upgrade by default, `temporal operator ...` by command override. */
    adminTask: FargateSize,
    database: z
      .object({
        /** Aurora PostgreSQL major.minor; Temporal's postgres12 plugin supports 12 and later. */
        engineVersion: z.string().regex(/^1[2-7]\.\d{1,2}$/, 'an Aurora PostgreSQL version such as 16.11'),
        minCapacityAcu: z.number().min(0.5).max(256),
        maxCapacityAcu: z.number().min(1).max(256),
        readers: z.number().int().min(0).max(2),
        /** Aurora's default 5432 is the first port scanners try. */
        port: Port,
        backupRetentionDays: z.number().int().min(1).max(35),
        deletionProtection: z.boolean(),
      })
      .refine((db) => db.maxCapacityAcu >= db.minCapacityAcu, {
        path: ['maxCapacityAcu'],
        message: 'must be at least minCapacityAcu',
      }),
  })
  .refine(
    (t) => t.adminToolsVersion.startsWith(`${t.serverVersion}-`) || t.adminToolsVersion === t.serverVersion,
    {
      path: ['adminToolsVersion'],
      message: 'must be built for serverVersion (its schema files must match the server)',
    },
  );

export const TemporalCloud = z.object({
  /** e.g. saring-prod.a1b2c.tmprl.cloud:7233 (mTLS) or ap-southeast-1.aws.api.temporal.io:7233 (API key). */
  endpoint: HostAndPort,
  namespace: z.string().regex(/^[a-z0-9-]+\.[a-z0-9]+$/, 'a Temporal Cloud namespace id: <name>.<account>'),
  auth: z.enum(['api-key', 'mtls']),
});

export const TemporalMode = z.enum(['self-hosted', 'cloud']);
export type TemporalMode = z.infer<typeof TemporalMode>;

const TemporalInput = z
  .object({
    mode: TemporalMode,
    /** Namespace the application uses on a self-hosted cluster (Temporal Cloud names its own). */
    namespace: z.string().regex(/^[a-z][a-z0-9-]{1,62}$/),
    selfHosted: SelfHostedTemporal,
    cloud: TemporalCloud.optional(),
  })
  .superRefine((t, ctx) => {
    if (t.mode === 'cloud' && !t.cloud) {
      ctx.addIssue({ code: 'custom', path: ['cloud'], message: 'required when temporal.mode is "cloud"' });
    }
  });

/** After parsing, the Temporal section is narrowed to the selected mode so stacks can switch on it. */
export type TemporalConfig =
  | ({ mode: 'self-hosted'; namespace: string } & z.infer<typeof SelfHostedTemporal>)
  | ({ mode: 'cloud' } & z.infer<typeof TemporalCloud>);

const Temporal = TemporalInput.transform((t): TemporalConfig => {
  if (t.mode === 'cloud') {
    // superRefine above guarantees the block exists
    return { mode: 'cloud', ...t.cloud! };
  }
  return { mode: 'self-hosted', namespace: t.namespace, ...t.selfHosted };
});

export const EnvironmentConfig = z
  .object({
    /** Short name used in stack names and resource names: dev, prod, ... */
    name: z.string().regex(/^[a-z][a-z0-9]{1,9}$/, '2-10 lowercase letters or digits'),
    account: z.string().regex(/^\d{12}$/, 'an AWS account id is 12 digits'),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region such as ap-southeast-3'),
    /** Listed explicitly so synth never looks them up. */
    availabilityZones: z.array(z.string()).min(2).max(3),
    network: z.object({
      cidr: z.string().regex(/^\d{1,3}(\.\d{1,3}){3}\/(1[6-9]|2[0-4])$/, 'an IPv4 CIDR between /16 and /24'),
      natGateways: z.number().int().min(1).max(3),
      flowLogRetentionDays: LogRetentionDays,
      /** Interface endpoints (one ENI per AZ each, billed hourly); S3 always gets a free gateway endpoint. */
      interfaceEndpoints: z
        .array(z.enum(INTERFACE_ENDPOINTS))
        .refine((list) => new Set(list).size === list.length, 'duplicate endpoint'),
    }),
    data: z.object({
      /** Object Lock (compliance mode) default retention: nobody, root included, can shorten it. */
      evidenceRetentionDays: z.number().int().min(1).max(36500),
      auditRetentionDays: z.number().int().min(1).max(36500),
      accessLogExpirationDays: z.number().int().min(1),
      /**
       * Days after a record's Object Lock retention ends before lifecycle deletes it (a legal hold still keeps it).
       * Lengthen freely; 0 deletes as soon as the lock allows.
       */
      deleteAfterRetentionGraceDays: z.number().int().min(0).max(3650),
      /** AWS Backup copies of the evidence and audit buckets and Temporal's Aurora, in a locked vault. */
      backup: z
        .object({
          dailyRetentionDays: z.number().int().min(7).max(35),
          monthlyRetentionDays: z.number().int().min(30).max(36500),
          /**
           * governance: the vault lock can be removed by an administrator (disposable environments);
           * compliance: after the 3-day cooling-off period nobody, root included, can remove it or shorten retention.
           */
          vaultLockMode: z.enum(['governance', 'compliance']),
        })
        .refine((b) => b.monthlyRetentionDays >= b.dailyRetentionDays, {
          path: ['monthlyRetentionDays'],
          message: 'must be at least dailyRetentionDays',
        }),
    }),
    temporal: Temporal,
    workers: FargateSize.and(
      z.object({
        taskQueue: z.string().regex(/^[a-z][a-z0-9-]{1,62}$/),
        minTasks: z.number().int().min(1),
        maxTasks: z.number().int().min(1).max(50),
        /** Backlog (tasks waiting on the queue) above which one more worker is added. */
        scaleOutBacklog: z.number().int().min(1),
        /** Backlog below which one worker is removed. */
        scaleInBacklog: z.number().int().min(0),
        /** Fargate caps the SIGTERM-to-SIGKILL window at 120 s. */
        stopTimeoutSeconds: z.number().int().min(10).max(120),
      }),
    ),
    api: FargateSize.and(
      z.object({
        desiredCount: z.number().int().min(1).max(10),
        port: Port,
        healthCheckPath: z.string().startsWith('/'),
        /** Console/API host name, e.g. saring.kalselprov.go.id */
        domainName: DomainName,
        /** Temporal Web UI host name (self-hosted mode only). */
        temporalUiDomainName: DomainName,
        /** ACM certificate covering both host names, issued in the same region. */
        certificateArn: z
          .string()
          .regex(/^arn:aws:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]{36}$/, 'an ACM certificate ARN'),
        cognitoDomainPrefix: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/),
        /** Requests per 5 minutes per client IP before WAF blocks it. */
        wafRateLimit: z.number().int().min(100).max(2_000_000_000),
      }),
    ),
    observability: z.object({
      /** The rapid response unit's on-call addresses; they confirm the SNS subscription by mail. */
      alarmEmails: z.array(z.email()).min(1),
      logRetentionDays: LogRetentionDays,
      /** SLA breaches within 5 minutes that page the unit (1 = every breach). */
      slaBreachThreshold: z.number().int().min(1),
      /** Worker errors within 5 minutes that page the unit. */
      workerErrorThreshold: z.number().int().min(1),
      /** Backlog that, held for 15 minutes, means the workers are not keeping up. */
      backlogAlarmThreshold: z.number().int().min(1),
    }),
    images: z.object({
      /**
       * Refuse to synthesize while any third-party image is named by tag alone: every digest must be reviewed
       * (pinned-images.ts) or resolved by the pipeline (`-c saring:imageDigests=<file>`).
       */
      requireDigests: z.boolean(),
    }),
  })
  .superRefine((c, ctx) => {
    c.availabilityZones.forEach((az, i) => {
      if (!az.startsWith(c.region)) {
        ctx.addIssue({
          code: 'custom',
          path: ['availabilityZones', i],
          message: `${az} is not in region ${c.region}`,
        });
      }
    });
    if (c.network.natGateways > c.availabilityZones.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['network', 'natGateways'],
        message: 'cannot exceed the number of availability zones',
      });
    }
    if (c.workers.maxTasks < c.workers.minTasks) {
      ctx.addIssue({
        code: 'custom',
        path: ['workers', 'maxTasks'],
        message: 'must be at least workers.minTasks',
      });
    }
    if (c.workers.scaleInBacklog >= c.workers.scaleOutBacklog) {
      ctx.addIssue({
        code: 'custom',
        path: ['workers', 'scaleInBacklog'],
        message: 'must be below workers.scaleOutBacklog',
      });
    }
    if (c.api.domainName === c.api.temporalUiDomainName) {
      ctx.addIssue({
        code: 'custom',
        path: ['api', 'temporalUiDomainName'],
        message: 'must differ from api.domainName',
      });
    }
  });

/** What an environment file holds (before parsing). */
export type EnvironmentConfigInput = z.input<typeof EnvironmentConfig>;
/** What stacks receive (after parsing, Temporal narrowed to its mode). */
export type EnvironmentConfig = z.output<typeof EnvironmentConfig>;
