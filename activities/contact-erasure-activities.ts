import crypto from 'node:crypto';
import {
  DeleteObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import { reporterVaultKeys } from '../lib/reporter-vault-keys';
import { heartbeat } from './activity-context';
import { parseInput } from './input';
import { TaskQueueName } from '../domain/task-queue-name';
import { IS_CASE_WORKFLOW } from '../domain/case-workflow-types';

export interface ContactErasureDeps {
  client: Client;
  s3: S3Client;
  /** The reporter vault's bucket and key prefix (the same as the API's). */
  bucket: string;
  prefix: string;
  /**
   * The audit bucket, where each case's erasure log is written once (Object Lock where the bucket has it):
   * the worker may write there, and needs no right to write, or decrypt, in the vault.
   */
  auditBucket: string;
  /** Where each erasure is logged as one JSON line (the worker's stdout by default). */
  log?: (line: string) => void;
  now?: () => Date;
}

const CaseId = z.string().min(1).max(200);

export const FindCasesDueInput = z.strictObject({
  closedBefore: z.iso.datetime(),
  limit: z.number().int().min(1).max(1000),
  taskQueue: TaskQueueName.optional(),
});

export const EraseCaseContactsInput = z.strictObject({ caseId: CaseId, closedAt: z.iso.datetime() });

/** Where a case's erasure log lives in the audit bucket. */
export const erasureLogKey = (caseId: string) => `contact-erasures/${encodeURIComponent(caseId)}.json`;

/** The erasure log of one case, kept in the audit bucket: which reporter references, when, by whom. No contact. */
export const CaseContactErasure = z.object({
  schema: z.literal('saring.contact-erasure/v1'),
  caseId: CaseId,
  closedAt: z.iso.datetime(),
  erasedAt: z.iso.datetime(),
  by: z.literal('schedule'),
  /** Every complaint's reference on the case; `recordDeleted` false where no record was left to delete. */
  reporterRefs: z.array(z.object({ reporterRef: z.string().min(1), recordDeleted: z.boolean() })),
});
export type CaseContactErasure = z.infer<typeof CaseContactErasure>;

/**
 * The scheduled contact erasure's activities (workflows/contact-erasure.ts). They list and delete vault
 * objects and never read or write one, so the worker needs no right on the vault key at all. Both are
 * safe to retry: deleting a deleted record does nothing, and a case with an erasure log is not erased again.
 */
export function contactErasureActivities(deps: ContactErasureDeps) {
  const { s3, bucket } = deps;
  const keys = reporterVaultKeys(deps.prefix);
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? ((line: string) => console.log(line));

  async function listKeys(prefix: string, maxKeys?: number, inBucket = bucket): Promise<string[]> {
    const found: string[] = [];
    let token: string | undefined;
    do {
      const page = await s3.send(
        new ListObjectsV2Command({
          Bucket: inBucket,
          Prefix: prefix,
          ContinuationToken: token,
          ...(maxKeys ? { MaxKeys: maxKeys } : {}),
        }),
      );
      for (const item of page.Contents ?? []) if (item.Key) found.push(item.Key);
      token = page.IsTruncated && !maxKeys ? page.NextContinuationToken : undefined;
    } while (token);
    return found;
  }

  /** Whether an object exists, by listing (a HEAD or GET of an SSE-KMS object would need the key). */
  const exists = async (key: string, inBucket = bucket) => (await listKeys(key, 1, inBucket)).includes(key);

  async function reporterRefsOf(caseId: string): Promise<string[]> {
    const refs = new Set<string>();
    for (const kind of ['signalled', 'held'] as const) {
      const folder = keys.complaints(caseId, kind);
      for (const key of await listKeys(folder)) refs.add(decodeURIComponent(key.slice(folder.length)));
    }
    return [...refs].sort();
  }

  return {
    /** Closed cases (the last run of a chain) that closed before `closedBefore` and have no erasure log yet. */
    async findCasesDueForContactErasure(
      input: z.infer<typeof FindCasesDueInput>,
    ): Promise<{ caseId: string; closedAt: string }[]> {
      const { closedBefore, limit, taskQueue } = parseInput(
        'findCasesDueForContactErasure',
        FindCasesDueInput,
        input,
      );
      const query =
        `${IS_CASE_WORKFLOW} AND ExecutionStatus != 'Running'` +
        " AND ExecutionStatus != 'ContinuedAsNew'" +
        ` AND CloseTime < '${closedBefore}'` +
        (taskQueue ? ` AND TaskQueue = '${taskQueue}'` : '');
      const due = new Map<string, string>();
      for await (const execution of deps.client.workflow.list({ query })) {
        heartbeat();
        if (due.has(execution.workflowId) || !execution.closeTime) continue;
        if (await exists(erasureLogKey(execution.workflowId), deps.auditBucket)) continue;
        due.set(execution.workflowId, execution.closeTime.toISOString());
        if (due.size >= limit) break;
      }
      return [...due].map(([caseId, closedAt]) => ({ caseId, closedAt }));
    },

    /** Deletes the vault records of every complaint on the case and writes the case's erasure log. */
    async eraseCaseContacts(input: z.infer<typeof EraseCaseContactsInput>): Promise<CaseContactErasure> {
      const { caseId, closedAt } = parseInput('eraseCaseContacts', EraseCaseContactsInput, input);
      const reporterRefs: CaseContactErasure['reporterRefs'] = [];
      for (const reporterRef of await reporterRefsOf(caseId)) {
        const recordKey = keys.record(reporterRef);
        const recordDeleted = await exists(recordKey);
        if (recordDeleted) await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: recordKey }));
        reporterRefs.push({ reporterRef, recordDeleted });
        heartbeat();
      }
      const erasure = CaseContactErasure.parse({
        schema: 'saring.contact-erasure/v1',
        caseId,
        closedAt,
        erasedAt: now().toISOString(),
        by: 'schedule',
        reporterRefs,
      });
      const body = JSON.stringify(erasure);
      try {
        await s3.send(
          new PutObjectCommand({
            Bucket: deps.auditBucket,
            Key: erasureLogKey(caseId),
            Body: body,
            ContentType: 'application/json',
            // Object Lock buckets take no write without a checksum.
            ChecksumSHA256: crypto.createHash('sha256').update(body).digest('base64'),
            IfNoneMatch: '*',
          }),
        );
      } catch (error) {
        // A retry after the log was written: the first log stands, and its lines were printed then.
        if ((error as { name?: string }).name === 'PreconditionFailed') return erasure;
        throw error;
      }
      for (const { reporterRef, recordDeleted } of reporterRefs)
        log(
          JSON.stringify({
            event: 'reporter_contact_erased',
            at: erasure.erasedAt,
            by: 'schedule',
            caseId,
            caseClosedAt: closedAt,
            reporterRef,
            recordDeleted,
          }),
        );
      return erasure;
    },
  };
}

export type ContactErasureActivities = ReturnType<typeof contactErasureActivities>;
