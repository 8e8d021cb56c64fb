import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { generateKeyRing } from '../lib/crypto/key-ring';
import { type TemplateResolver } from './templates';
import { type ClusterCertificates } from './certificates';
import { type RehearsedContainer } from './task-definitions';

/** Keys an RDS secret attachment adds to the generated secret (Aurora). */
const RDS_ATTACHMENT_KEYS = ['host', 'port', 'engine', 'dbClusterIdentifier'];

export interface DeclaredSecret {
  readonly name: string;
  readonly stack: string;
  /** The JSON keys the stack declares: its template's keys, the generated key, and what an RDS attachment adds. */
  readonly keys: readonly string[];
  /** Values the template fixes (e.g. the RDS master `username`). */
  readonly fixed: Readonly<Record<string, string>>;
}

const GenerateSecretString = z
  .object({ SecretStringTemplate: z.string().optional(), GenerateStringKey: z.string().optional() })
  .loose();

/** Every Secrets Manager secret the templates declare, with the JSON keys it will hold. */
export function declaredSecrets(resolver: TemplateResolver, stacks: readonly string[]): DeclaredSecret[] {
  const found: DeclaredSecret[] = [];
  for (const stack of stacks) {
    const resources = resolver.template(stack).Resources;
    const attached = new Set(
      Object.values(resources)
        .filter((r) => r.Type === 'AWS::SecretsManager::SecretTargetAttachment')
        .map((r) => JSON.stringify(r.Properties?.SecretId)),
    );
    for (const [id, resource] of Object.entries(resources)) {
      if (resource.Type !== 'AWS::SecretsManager::Secret') continue;
      const generate = GenerateSecretString.optional().parse(resource.Properties?.GenerateSecretString);
      const fixed = z
        .record(z.string(), z.string())
        .parse(JSON.parse(generate?.SecretStringTemplate ?? '{}'));
      const keys = [
        ...Object.keys(fixed),
        ...(generate?.GenerateStringKey ? [generate.GenerateStringKey] : []),
        ...(attached.has(JSON.stringify({ Ref: id })) ? RDS_ATTACHMENT_KEYS : []),
      ];
      const arn = resolver.resolve(stack, { Ref: id });
      found.push({ name: arn.replace(/^arn:aws:secretsmanager:[^:]+:\d+:secret:/, ''), stack, keys, fixed });
    }
  }
  return found;
}

export interface StandInInputs {
  readonly certificates: ClusterCertificates;
  readonly databasePassword: string;
  readonly databaseEndpoint: string;
  readonly databasePort: number;
  /** The app config document (worker and API), as the `json` key holds it. */
  readonly appConfigJson: string;
}

/** TLS secret keys by convention: caCert[B64], serverCertB64/serverKeyB64, and <client>Cert|Key[B64] per client. */
function tlsValue(key: string, certificates: ClusterCertificates): string | undefined {
  const b64 = key.endsWith('B64');
  const base = b64 ? key.slice(0, -3) : key;
  const encode = (pem: string) => (b64 ? Buffer.from(pem).toString('base64') : pem);
  if (base === 'caCert') return encode(certificates.caPem);
  if (base === 'serverCert') return encode(certificates.server.certPem);
  if (base === 'serverKey') return encode(certificates.server.keyPem);
  const match = /^(.+)(Cert|Key)$/.exec(base);
  const client = match ? certificates.clients[match[1]!] : undefined;
  if (!client || !match) return undefined;
  return encode(match[2] === 'Cert' ? client.certPem : client.keyPem);
}

/**
 * Stand-in values for one declared secret, shaped like it: every declared key gets a value (placeholders stay
 * placeholders), and nothing else. Throws when the rehearsal does not know how to stand in for a key.
 */
export function standInFor(secret: DeclaredSecret, inputs: StandInInputs) {
  const values: Record<string, string> = {};
  for (const key of secret.keys) {
    const value =
      fixedValue(secret, key) ??
      // The ECR pull-through cache's Docker Hub credential: read by ECR, never by a task.
      (secret.name.startsWith('ecr-pullthroughcache/') ? 'rehearsal' : undefined) ??
      (key === 'placeholder'
        ? 'rehearsal'
        : key === 'keyRing'
          ? // The payload codec's key ring (lib/crypto/key-ring.ts): one fresh AES-256 key, generated per run.
            JSON.stringify(generateKeyRing('rehearsal'))
          : key === 'json'
            ? inputs.appConfigJson
            : key === 'password'
              ? // The RDS master secret (attached to the cluster) has the cluster's password; other users their own.
                secret.keys.includes('engine')
                ? inputs.databasePassword
                : randomPassword()
              : key === 'host'
                ? inputs.databaseEndpoint
                : key === 'port'
                  ? String(inputs.databasePort)
                  : key === 'engine'
                    ? 'postgres'
                    : key === 'dbClusterIdentifier'
                      ? 'rehearsal'
                      : tlsValue(key, inputs.certificates));
    if (value === undefined) {
      throw new Error(
        `The rehearsal has no stand-in for key "${key}" of secret ${secret.name}: add it to rehearsal/secrets.ts.`,
      );
    }
    values[key] = value;
  }
  return values;
}

/** Writes each stand-in (0600, one file per secret, like the secret's JSON) and returns them by secret name. */
export function writeStandIns(
  dir: string,
  secrets: readonly DeclaredSecret[],
  inputs: StandInInputs,
): Map<string, Record<string, string>> {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const result = new Map<string, Record<string, string>>();
  for (const secret of secrets) {
    const values = standInFor(secret, inputs);
    fs.writeFileSync(
      path.join(dir, `${secret.name.replaceAll('/', '_')}.json`),
      JSON.stringify(values, null, 2),
      {
        mode: 0o600,
      },
    );
    result.set(secret.name, values);
  }
  return result;
}

/** The container's secret variables, read from the stand-ins; a key the secret does not declare is an error. */
export function secretEnvironment(
  container: RehearsedContainer,
  standIns: ReadonlyMap<string, Record<string, string>>,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [variable, { secretName, field }] of Object.entries(container.secrets)) {
    const secret = standIns.get(secretName);
    if (!secret)
      throw new Error(`${container.name}: ${variable} reads secret ${secretName}, which no stack declares`);
    const value = secret[field];
    if (value === undefined) {
      throw new Error(
        `${container.name}: ${variable} reads key "${field}" of ${secretName}, which declares only ${Object.keys(secret).join(', ')}`,
      );
    }
    env[variable] = value;
  }
  return env;
}

/** What the template fixes for good (the RDS user name); CredentialSecret placeholders are for engineers to replace. */
function fixedValue(secret: DeclaredSecret, key: string): string | undefined {
  const value = secret.fixed[key];
  return value === undefined || value === 'REPLACE_ME' ? undefined : value;
}

export function randomPassword(): string {
  return crypto.randomBytes(18).toString('hex');
}
