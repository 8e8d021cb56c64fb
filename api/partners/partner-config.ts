import fs from 'node:fs';
import { z } from 'zod';
import { Platform, Region } from '../../domain';

/** A partner's id: in the webhook path and as `reportedBy` on its detections. */
export const PartnerId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'a partner id: 2-63 lowercase letters, digits or dashes');

const MIN_SECRET_CHARS = 32;

/**
 * A shared signing secret: inline (the cloud config is itself a Secrets Manager secret), from a file
 * (local, mode 0600), or from an environment variable (an ECS secret).
 */
const PartnerSecretSource = z.union([
  z.strictObject({
    value: z.string().min(MIN_SECRET_CHARS, `a secret of at least ${MIN_SECRET_CHARS} characters`),
  }),
  z.strictObject({ file: z.string().min(1) }),
  z.strictObject({ env: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name') }),
]);

/**
 * One partner that sends signed webhooks to POST /api/partners/:partnerId/detections. Two secrets are
 * both accepted while a rotation overlaps; the machine client is the partner's own OAuth client, whose
 * bearer token the route also requires (docs/security.md says why).
 */
export const PartnerConfig = z.strictObject({
  id: PartnerId,
  machineClientId: z.string().regex(/^[A-Za-z0-9._-]{1,128}$/, 'a client id'),
  secrets: z
    .array(PartnerSecretSource)
    .min(1, 'at least one secret')
    .max(2, 'at most two secrets (old and new)'),
  /** Platforms it may report; omitted: any. */
  platforms: z.array(Platform).min(1).optional(),
  /** Regions it may report; omitted: any. */
  regions: z.array(Region).min(1).optional(),
});
export type PartnerConfig = z.infer<typeof PartnerConfig>;

export const PartnersConfig = z
  .array(PartnerConfig)
  .default([])
  .refine(
    (partners) => new Set(partners.map((p) => p.id)).size === partners.length,
    'partner ids must be unique',
  );

/** A partner with its secrets read, ready for the webhook route. */
export interface Partner extends Omit<PartnerConfig, 'secrets'> {
  secrets: Buffer[];
}

/** Reads every partner's secrets once at start; a missing file or variable stops the API with what to fix. */
export function resolvePartners(partners: PartnerConfig[], env: NodeJS.ProcessEnv = process.env): Partner[] {
  return partners.map((partner) => ({
    ...partner,
    secrets: partner.secrets.map((source, index) => {
      const where = `api.partners[${partner.id}].secrets[${index}]`;
      const text = readSecret(source, env, where).trim();
      if (text.length < MIN_SECRET_CHARS)
        throw new Error(
          `${where}: the secret is ${text.length} characters; use at least ${MIN_SECRET_CHARS} (e.g. \`openssl rand -hex 32\`).`,
        );
      return Buffer.from(text, 'utf8');
    }),
  }));
}

function readSecret(
  source: z.infer<typeof PartnerSecretSource>,
  env: NodeJS.ProcessEnv,
  where: string,
): string {
  if ('value' in source) return source.value;
  if ('env' in source) {
    const value = env[source.env];
    if (!value)
      throw new Error(
        `${where}: the environment variable ${source.env} is not set. Set it or change the config.`,
      );
    return value;
  }
  try {
    return fs.readFileSync(source.file, 'utf8');
  } catch (error) {
    throw new Error(`${where}: cannot read ${source.file} (${(error as Error).message}). Check the path.`);
  }
}
