import { z } from 'zod';

/** Where the pipeline runs (a tooling account) and what it builds from. Parsed with zod like every environment. */
export const PipelineConfig = z.object({
  account: z.string().regex(/^\d{12}$/, 'an AWS account id is 12 digits'),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region such as ap-southeast-3'),
  source: z.object({
    /** A CodeConnections (CodeStar) connection to the Git host, created and confirmed once in the console. */
    connectionArn: z
      .string()
      .regex(
        /^arn:aws:code(star-)?connections:[a-z0-9-]+:\d{12}:connection\/[0-9a-f-]{36}$/,
        'a CodeConnections connection ARN',
      ),
    owner: z.string().min(1),
    repository: z.string().min(1),
    branch: z.string().min(1),
  }),
  /** Environments deployed in order; the ones listed in `approvalBefore` wait for a person's approval. */
  stages: z.array(z.string().regex(/^[a-z][a-z0-9]{1,9}$/)).min(1),
  approvalBefore: z.array(z.string()),
  approverEmails: z.array(z.email()).min(1),
  logRetentionDays: z.number().int().min(1),
});
export type PipelineConfig = z.infer<typeof PipelineConfig>;

/** The tooling account's pipeline: dev on every merge to main, prod after a manual approval. */
export const pipeline: z.input<typeof PipelineConfig> = {
  account: '333333333333',
  region: 'ap-southeast-3',
  source: {
    connectionArn:
      'arn:aws:codeconnections:ap-southeast-3:333333333333:connection/00000000-0000-4000-8000-000000000003',
    owner: 'diskominfo-kalsel',
    repository: 'saring',
    branch: 'main',
  },
  stages: ['dev', 'prod'],
  approvalBefore: ['prod'],
  approverEmails: ['rru-oncall@example.go.id'],
  logRetentionDays: 365,
};
