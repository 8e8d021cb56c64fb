import {
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { z } from 'zod';
import { ReporterContact } from '../domain';
import { openAesGcm, sealAesGcm } from '../lib/crypto/aes-gcm';
import type { DataKeySource } from '../lib/crypto/data-keys';
import { reporterVaultKeys } from '../lib/reporter-vault-keys';
import { sha256Hex } from '../lib/sha256';
import { parseCaseId } from '../cases/case-id';
import { newTrackingCode, type ReporterVault } from './reporter-vault';

const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

/** The sealed contact: AES-256-GCM under a data key of its own, the reporter reference as additional data. */
const SealedContact = z.object({
  source: z.enum(['kms', 'local']),
  masterKeyId: z.string().min(1),
  wrappedKey: Base64,
  ciphertext: Base64,
});

const ReporterRecord = z.object({
  schema: z.literal('saring.reporter-record/v1'),
  reporterRef: z.string().min(1),
  caseId: z.string().min(1),
  submittedAt: z.string(),
  trackingSha256: z.string().regex(/^[a-f0-9]{64}$/),
  contact: SealedContact.optional(),
  /** false: over the per-case cap, the complaint was counted here and not signalled into the case. */
  signalled: z.boolean().default(true),
  erased: z.object({ at: z.string(), reason: z.string() }).optional(),
});
type ReporterRecord = z.infer<typeof ReporterRecord>;

const TrackingEntry = z.object({
  reporterRef: z.string().min(1),
  caseId: z.string().min(1),
  submittedAt: z.string(),
});

export interface S3VaultOptions {
  s3: S3Client;
  bucket: string;
  /** Key prefix inside the bucket, e.g. "reporter-vault/". */
  prefix: string;
  dataKeys: DataKeySource;
}

/**
 * The reporter vault in S3: `records/<reporterRef>.json` holds the case, the tracking code's SHA-256 and
 * the sealed contact; `tracking/<sha256>.json` finds the case from a tracking code. Nothing is cached in
 * the process, so any number of API instances share one vault. Empty marker objects count complaints per
 * case (`cases/<caseId>/<signalled|held>/<reporterRef>`) and find a content's latest case
 * (`bases/<baseId>/<generation>`) by listing, so the per-case cap holds across instances too.
 */
export function s3ReporterVault(options: S3VaultOptions): ReporterVault {
  const { s3, bucket, prefix, dataKeys } = options;
  const layout = reporterVaultKeys(prefix);
  const recordKey = layout.record;
  const trackingKey = (sha: string) => `${prefix}tracking/${sha}.json`;
  const countPrefix = layout.complaints;
  const basePrefix = (baseId: string) => `${prefix}bases/${baseId}/`;
  const generationKey = (baseId: string, generation: number) =>
    `${basePrefix(baseId)}${String(generation).padStart(6, '0')}`;

  /** Keys under a prefix (all pages); complaint counts stay small because of the per-case cap. */
  async function listKeys(keyPrefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await s3.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: keyPrefix, ContinuationToken: token }),
      );
      for (const item of page.Contents ?? []) if (item.Key) keys.push(item.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys;
  }

  const put = (key: string, value: unknown) =>
    s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: JSON.stringify(value),
        ContentType: 'application/json',
        ...(dataKeys.kind === 'kms' ? { ServerSideEncryption: 'aws:kms' as const } : {}),
      }),
    );

  async function get<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined> {
    try {
      const result = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      const text = await result.Body!.transformToString('utf8');
      const parsed = schema.safeParse(JSON.parse(text));
      if (!parsed.success)
        throw new Error(`reporter vault object ${key} is damaged: restore it from a backup`);
      return parsed.data;
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return undefined;
      throw error;
    }
  }

  async function seal(reporterRef: string, contact: ReporterContact): Promise<z.infer<typeof SealedContact>> {
    const key = await dataKeys.generate(reporterRef);
    try {
      const ciphertext = sealAesGcm(
        key.plaintext,
        Buffer.from(JSON.stringify(contact)),
        Buffer.from(reporterRef),
      );
      return {
        source: dataKeys.kind,
        masterKeyId: key.masterKeyId,
        wrappedKey: key.wrapped.toString('base64'),
        ciphertext: ciphertext.toString('base64'),
      };
    } finally {
      key.plaintext.fill(0);
    }
  }

  return {
    async store({ reporterRef, caseId, contact, signalled = true }) {
      const trackingCode = newTrackingCode();
      const record: ReporterRecord = {
        schema: 'saring.reporter-record/v1',
        reporterRef,
        caseId,
        submittedAt: new Date().toISOString(),
        trackingSha256: sha256Hex(trackingCode),
        ...(contact ? { contact: await seal(reporterRef, contact) } : {}),
        signalled,
      };
      await put(recordKey(reporterRef), record);
      await put(trackingKey(record.trackingSha256), {
        reporterRef,
        caseId,
        submittedAt: record.submittedAt,
      });
      const { baseId, generation } = parseCaseId(caseId);
      await put(layout.complaintMarker(caseId, signalled ? 'signalled' : 'held', reporterRef), {});
      await put(generationKey(baseId, generation), { caseId });
      return { trackingCode };
    },

    async complaintsFor(caseId) {
      const [signalled, held] = await Promise.all([
        listKeys(countPrefix(caseId, 'signalled')),
        listKeys(countPrefix(caseId, 'held')),
      ]);
      return { signalled: signalled.length, held: held.length };
    },

    async latestCaseOf(baseId) {
      const generations = (await listKeys(basePrefix(baseId)))
        .map((key) => Number(key.slice(basePrefix(baseId).length)))
        .filter((generation) => Number.isInteger(generation) && generation > 0);
      if (generations.length === 0) return undefined;
      const entry = await get(
        generationKey(baseId, Math.max(...generations)),
        z.object({ caseId: z.string().min(1) }),
      );
      return entry?.caseId;
    },

    async findByTrackingCode(trackingCode) {
      const entry = await get(trackingKey(sha256Hex(trackingCode)), TrackingEntry);
      return entry ? { caseId: entry.caseId, submittedAt: entry.submittedAt } : undefined;
    },

    async readContact(reporterRef) {
      const record = await get(recordKey(reporterRef), ReporterRecord);
      if (!record?.contact) return undefined;
      const sealed = record.contact;
      const key = await dataKeys.unwrap(
        { masterKeyId: sealed.masterKeyId, wrapped: Buffer.from(sealed.wrappedKey, 'base64') },
        reporterRef,
      );
      try {
        const plain = openAesGcm(key, Buffer.from(sealed.ciphertext, 'base64'), Buffer.from(reporterRef));
        return ReporterContact.parse(JSON.parse(plain.toString('utf8')));
      } finally {
        key.fill(0);
      }
    },

    async eraseContact(reporterRef, reason) {
      const record = await get(recordKey(reporterRef), ReporterRecord);
      if (!record?.contact) return { erased: false };
      const { contact: _erased, ...rest } = record;
      await put(recordKey(reporterRef), { ...rest, erased: { at: new Date().toISOString(), reason } });
      return { erased: true };
    },
  };
}
