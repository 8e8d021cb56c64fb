import fs from 'node:fs';
import path from 'node:path';
import { createReporterVault } from '../../../api/vault-config';
import { vaultObjects } from '../../support/vault/test-vault';
import { canonicalizeUrl } from '../../../lib/url/canonicalize';
import { caseBaseId } from '../../../cases/case-id';
import { uniqueUrl } from '../../support/case-test-kit';
import { startApiTestEnv, type ApiTestEnv } from '../../support/api/api-test-kit';

const CONTACT = {
  name: 'Warga Pelapor Rahasia',
  email: 'pelapor.rahasia@example.org',
  phone: '+62 811-5555-0199',
};

/** The shared dev server's SQLite files (global setup puts them in SARING_TEST_WORK_DIR). */
function temporalDatabaseFiles(): string[] {
  const dir = process.env.SARING_TEST_WORK_DIR!;
  return fs
    .readdirSync(dir)
    .filter((name) => name.startsWith('temporal.sqlite'))
    .map((name) => path.join(dir, name));
}

/** Public intake without login: the reporter follows progress with a code; their contact never reaches the case. */
describe('API: public complaints (real dev server, real workflows)', () => {
  let env: ApiTestEnv;

  beforeAll(async () => {
    env = await startApiTestEnv();
  });
  afterAll(async () => {
    await env?.stop();
  });

  it('takes a complaint, returns a tracking code, and keeps the contact out of state, timeline, history and tracking', async () => {
    const url = uniqueUrl('www.tiktok.com', 'aduan');
    const sent = await env.as({}).post<{ trackingCode: string; message: string }>('/api/public/complaints', {
      url,
      reason: 'Video ajakan judi online yang beredar di sekolah',
      region: 'banjar',
      contact: CONTACT,
    });
    expect(sent.status).toBe(201);
    expect(sent.body.trackingCode).toMatch(/^SRG-[A-Z2-9]{24}$/);
    expect(Object.keys(sent.body).sort()).toEqual(['message', 'trackingCode']);
    const { trackingCode } = sent.body;

    const tracked = await env.as({}).get(`/api/public/complaints/${trackingCode}`);
    expect(tracked.status).toBe(200);
    expect(tracked.body.stage).toBe('received');

    // The case id follows from the content (cases/case-id.ts); the reporter never sees it.
    const caseId = caseBaseId({ canonicalUrl: canonicalizeUrl(url).url });
    const state = await env.waitForState(caseId, (s) => s.stage === 'verification', 'verification');
    expect(state.detections.bySource).toEqual({ public_complaint: 1 });
    expect(state.detections.reporterRefs).toHaveLength(1);
    expect(state.detections.reporterRefs[0]).toMatch(/^rep_/);
    expect(state.subject.reason).toBe('Video ajakan judi online yang beredar di sekolah');
    // Anyone may complain about any URL, the content's author too: no verification stage shows.
    const verifying = await env.as({}).get(`/api/public/complaints/${trackingCode}`);
    expect(verifying.body).toMatchObject({ stage: 'received', stageLabel: 'Aduan diterima' });

    // Progress for the reporter as the case moves.
    await env
      .as('verifier')
      .post(`/api/cases/${caseId}/actions/assignVerifier`, { assignee: 'siti.verifier' });
    await env.as('verifier').post(`/api/cases/${caseId}/actions/submitVerdict`, {
      verdict: { kind: 'no_violation', reasons: ['konten parodi, bukan ajakan'] },
    });
    await env.waitForState(caseId, (s) => s.stage === 'closed', 'closed');
    const finished = await env.as({}).get(`/api/public/complaints/${trackingCode.toLowerCase()}`);
    expect(finished.status).toBe(200);
    // Closed without anything published: "handled", and not how (the author must not learn the outcome).
    expect(finished.body).toEqual({
      trackingCode,
      submittedAt: expect.any(String),
      stage: 'handled',
      stageLabel: 'Aduan telah ditangani',
      publications: [],
    });

    const everything = [
      JSON.stringify((await env.as('auditor').get(`/api/cases/${caseId}`)).body),
      JSON.stringify((await env.as('auditor').get(`/api/cases/${caseId}/timeline`)).body),
      (await env.as('auditor').get(`/api/cases/${caseId}/history?format=raw`)).text,
      finished.text,
      tracked.text,
    ];
    for (const text of everything) {
      for (const secret of [CONTACT.name, CONTACT.email, CONTACT.phone, 'pelapor.rahasia'])
        expect(text).not.toContain(secret);
    }
    // Nor does anything about officers, other reporters or the case's internals reach the reporter.
    for (const text of [finished.text, tracked.text]) {
      expect(text).not.toMatch(/siti\.verifier|officerId|rep_|case-/);
    }

    // The vault's objects hold the contact only sealed, and never the tracking code itself.
    const objects = await vaultObjects(env.vaultConfig);
    expect([...objects.keys()].filter((key) => key.includes('/records/'))).toHaveLength(1);
    for (const text of objects.values()) {
      for (const secret of [CONTACT.name, CONTACT.email, CONTACT.phone, trackingCode])
        expect(text).not.toContain(secret);
    }
    // A second API instance on the same vault (bucket + master key) finds the complaint and opens the contact.
    const second = createReporterVault(env.vaultConfig);
    const reporterRef = state.detections.reporterRefs[0]!;
    expect(await second.findByTrackingCode(trackingCode)).toMatchObject({ caseId });
    expect(await second.readContact(reporterRef)).toEqual(CONTACT);
    // Erased contacts are gone from the object, and the erasure is recorded in it.
    expect(await second.eraseContact(reporterRef, 'test: retention elapsed')).toEqual({ erased: true });
    expect(await env.as({}).get(`/api/public/complaints/${trackingCode}`)).toMatchObject({ status: 200 });
    expect(await second.readContact(reporterRef)).toBeUndefined();
    const record = [...(await vaultObjects(env.vaultConfig)).entries()].find(([key]) =>
      key.includes('/records/'),
    );
    expect(JSON.parse(record![1])).toMatchObject({ erased: { reason: 'test: retention elapsed' } });
    expect(record![1]).not.toContain('ciphertext');

    // Nor is anything of it in clear in the Temporal database itself (SQLite file and its WAL).
    const dbBytes = temporalDatabaseFiles().map((file) => fs.readFileSync(file));
    // The case id is stored in clear (it is the workflow id): proof these are the files the case went to.
    expect(dbBytes.some((bytes) => bytes.includes(Buffer.from(caseId)))).toBe(true);
    for (const bytes of dbBytes) {
      for (const secret of [CONTACT.email, CONTACT.phone, 'Video ajakan judi online', 'konten parodi'])
        expect(bytes.includes(Buffer.from(secret))).toBe(false);
    }
  });

  it('refuses bad complaints with 400 and unknown tracking codes with 404', async () => {
    const noReason = await env
      .as({})
      .post('/api/public/complaints', { url: uniqueUrl('example.com', 'x'), reason: 'short' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toMatch(/reason: tell us in at least 10 characters/);
    const badContact = await env.as({}).post('/api/public/complaints', {
      url: uniqueUrl('example.com', 'y'),
      reason: 'penipuan berkedok undian berhadiah',
      contact: { name: 'Tanpa kontak' },
    });
    expect(badContact.status).toBe(400);
    expect(badContact.body.error.message).toMatch(
      /contact: a reporter contact needs an email or a phone number/,
    );
    const sneaky = await env.as({}).post('/api/public/complaints', {
      url: uniqueUrl('example.com', 'z'),
      reason: 'penipuan berkedok undian berhadiah',
      reporterRef: 'rep_someoneelse123',
    });
    expect(sneaky.status).toBe(400);

    expect((await env.as({}).get('/api/public/complaints/SRG-AAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await env.as({}).get('/api/public/complaints/not-a-code')).status).toBe(400);
  });
});
