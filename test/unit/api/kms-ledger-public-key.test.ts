import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { apiCaseAudit, trustedLedgerPublicKeyPem } from '../../../api/archive-audit-config';
import { writeCaseArchive } from '../../../audit/case-archiver';
import { caseAuditReader, LedgerKeyUnavailableError } from '../../../audit/case-audit-reader';
import { testPayloadKeys } from '../../support/codec/test-codec';
import { S3Config } from '../../../config/s3';
import { DirectoryArchive } from '../../../audit/directory-archive';
import { GetPublicKeyRequest, type PublicKeySource } from '../../../audit/kms-public-key';
import { appendToLedger } from '../../../audit/ledger';
import { keyIdOf, type LedgerSigner } from '../../../audit/ledger-signer';
import { canonicalJson } from '../../../lib/canonical-json';

const keyId = 'arn:aws:kms:ap-southeast-3:111122223333:key/0c1d2e3f-aaaa-bbbb-cccc-000000000001';

/** KMS GetPublicKey as far as the API uses it: parses the request with the real shape, answers DER SPKI. */
function fakeKms(publicKey: crypto.KeyObject, answer: { KeySpec?: string; KeyUsage?: string } = {}) {
  const requests: GetPublicKeyRequest[] = [];
  const source: PublicKeySource = {
    async getPublicKey(request) {
      const parsed = GetPublicKeyRequest.parse(request);
      requests.push(parsed);
      if (parsed.KeyId !== keyId) throw new Error(`NotFoundException: ${parsed.KeyId}`);
      return {
        PublicKey: new Uint8Array(publicKey.export({ type: 'spki', format: 'der' })),
        KeySpec: 'ECC_NIST_P256',
        KeyUsage: 'SIGN_VERIFY',
        ...answer,
      };
    },
  };
  return { source, requests };
}

/** Signs like the KMS signer: ECDSA_SHA_256 over the raw bytes, a DER-encoded signature. */
function p256Signer(privateKey: crypto.KeyObject): LedgerSigner {
  const pem = crypto.createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  return {
    keyId: keyIdOf(pem),
    algorithm: 'ecdsa-p256-sha256',
    sign: async (bytes) =>
      new Uint8Array(crypto.sign('sha256', bytes, { key: privateKey, dsaEncoding: 'der' })),
  };
}

const caseId = 'case-kkkkkkkkkkkkkkkkkkkk';
const runId = 'k0000000-0000-4000-8000-000000000001';
const events = [
  {
    eventId: '1',
    eventType: 'EVENT_TYPE_WORKFLOW_EXECUTION_STARTED',
    workflowExecutionStartedEventAttributes: { originalExecutionRunId: runId },
  },
  { eventId: '2', eventType: 'EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED' },
];

describe('the API trusts the KMS ledger key: GetPublicKey DER SPKI verifies heads the KMS signer signed', () => {
  let root: string;
  let archive: DirectoryArchive;
  const pair = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const env = { SARING_LEDGER_KMS_KEY_ID: keyId, SARING_LEDGER_KEY_FILE: '/nonexistent/ledger.pem' };

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'saring-kms-key-'));
    archive = new DirectoryArchive(root);
    let tick = 0;
    const now = () => new Date(Date.UTC(2025, 11, 20, 2, 0, tick++));
    const ref = await writeCaseArchive(
      archive,
      {
        caseId,
        runs: [
          {
            workflowId: caseId,
            runId,
            workflowType: 'ContentCaseWorkflow',
            status: 'COMPLETED',
            startTime: '2025-11-20T01:00:00.000Z',
            closeTime: '2025-11-27T01:00:00.000Z',
            eventCount: events.length,
            historyJson: canonicalJson({ events }),
          },
        ],
        children: [],
      },
      now,
    );
    await appendToLedger(archive, p256Signer(pair.privateKey), ref, now);
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('fetches the key once by id and the archive verifies with it, signed head included', async () => {
    const kms = fakeKms(pair.publicKey);
    const pem = await trustedLedgerPublicKeyPem(env, () => kms.source);
    expect(kms.requests).toEqual([{ KeyId: keyId }]);
    expect(pem).toBe(pair.publicKey.export({ type: 'spki', format: 'pem' }));
    const result = await caseAuditReader({ archive, publicKeyPem: pem! }).verify(caseId);
    expect(result).toMatchObject({ ok: true, findings: [], checked: { heads: 1, ledgerEntries: 1 } });
  });

  it('another P-256 key from KMS does not verify the head', async () => {
    const other = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = await trustedLedgerPublicKeyPem(env, () => fakeKms(other.publicKey).source);
    const result = await caseAuditReader({ archive, publicKeyPem: pem! }).verify(caseId);
    expect(result.ok).toBe(false);
    expect(result.findings).toContainEqual(
      expect.objectContaining({ kind: 'altered', detail: expect.stringContaining('not the trusted key') }),
    );
  });

  it('refuses a key that is not a P-256 signing key, and a KMS answer with no public key', async () => {
    await expect(
      trustedLedgerPublicKeyPem(env, () => fakeKms(pair.publicKey, { KeySpec: 'RSA_2048' }).source),
    ).rejects.toThrow('must be ECC_NIST_P256');
    await expect(
      trustedLedgerPublicKeyPem(env, () => fakeKms(pair.publicKey, { KeyUsage: 'ENCRYPT_DECRYPT' }).source),
    ).rejects.toThrow('must be SIGN_VERIFY');
    const empty: PublicKeySource = {
      getPublicKey: async (request) => (GetPublicKeyRequest.parse(request), {}),
    };
    await expect(trustedLedgerPublicKeyPem(env, () => empty)).rejects.toThrow('kms:GetPublicKey');
  });

  it('without a KMS key id or key files there is no trusted key (routes answer 503) and KMS is not asked', async () => {
    const kms = fakeKms(pair.publicKey);
    await expect(
      trustedLedgerPublicKeyPem({ SARING_LEDGER_KEY_FILE: '/nonexistent/ledger.pem' }, () => kms.source),
    ).resolves.toBeUndefined();
    expect(kms.requests).toEqual([]);
  });

  it('a malformed key id is refused with the variable named, before KMS is asked', async () => {
    const kms = fakeKms(pair.publicKey);
    await expect(
      trustedLedgerPublicKeyPem({ SARING_LEDGER_KMS_KEY_ID: 'alias/ledger key' }, () => kms.source),
    ).rejects.toThrow('SARING_LEDGER_KMS_KEY_ID is a KMS key id');
    expect(kms.requests).toEqual([]);
  });

  it('the API starts while KMS is unreachable: the key is fetched at the first verification, and a failure is a retryable 503', async () => {
    const kms = fakeKms(pair.publicKey);
    const unreachable: PublicKeySource = {
      getPublicKey: async (request) => {
        GetPublicKeyRequest.parse(request);
        throw new Error('connect ETIMEDOUT kms.ap-southeast-3.amazonaws.com');
      },
    };
    const reader = await apiCaseAudit(
      S3Config.parse({ evidenceBucket: 'saring-evidence', auditBucket: 'saring-audit' }),
      testPayloadKeys,
      { SARING_LEDGER_KMS_KEY_ID: keyId },
      () => unreachable,
    );
    expect(reader).toBeDefined();
    expect(kms.requests).toEqual([]);
    await expect(reader!.verify(caseId)).rejects.toBeInstanceOf(LedgerKeyUnavailableError);
    await expect(reader!.verify(caseId)).rejects.toThrow('could not be read: connect ETIMEDOUT');
    expect(kms.requests).toEqual([]);
  });
});
