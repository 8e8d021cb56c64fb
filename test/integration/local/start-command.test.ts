import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ListObjectVersionsCommand } from '@aws-sdk/client-s3';
import { createS3Client } from '../../../config/s3';
import { LOCAL_S3, localS3Config } from '../../../local/local-config';
import { isPortFree } from '../../../local/port-check';
import { LOCAL_OIDC_CLIENTS } from '../../../local/oidc/oidc-clients';
import { readOidcUsers } from '../../../local/oidc/oidc-users';
import { signInWithPassword } from '../../support/oidc/sign-in-by-form';
import { anyFileHas, clearTextFindings, filesUnder } from '../../support/local/clear-text-scan';

const repoRoot = path.resolve(__dirname, '../../..');

async function freeBlockBelowEphemeralRange(size: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const base = 20_000 + Math.floor(Math.random() * 12_000);
    const ports = Array.from({ length: size }, (_, i) => base + i);
    if ((await Promise.all(ports.map(isPortFree))).every(Boolean)) return base;
  }
  throw new Error('no free block of ports between 20000 and 32000');
}

/**
 * The README's start command, run for real twice on one data folder: everything comes up, Ctrl-C
 * (SIGINT) stops every child, and the second start finds the first run's cases and evidence.
 */
describe('npm start (the embedded default)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'saring-start-'));
  let env: NodeJS.ProcessEnv;
  let current: ChildProcess | undefined;

  beforeAll(async () => {
    // All ports from one block below the kernel's ephemeral range (32768+): services bind minutes apart,
    // and a port merely free at the start could meanwhile go to an outgoing connection or to one of the
    // dev server's own randomly chosen ports.
    const base = await freeBlockBelowEphemeralRange(12);
    env = {
      ...process.env,
      SARING_DATA_DIR: dataDir,
      SARING_TEMPORAL_PORT: String(base),
      SARING_TEMPORAL_UI_PORT: String(base + 1),
      SARING_S3_PORT: String(base + 2),
      SARING_API_PORT: String(base + 3),
      SARING_SMTP_PORT: String(base + 4),
      SARING_SIMULATOR_PORT: String(base + 5),
      SARING_OIDC_PORT: String(base + 11),
    };
  });

  afterAll(async () => {
    if (current && current.exitCode === null) await stop(current);
  });

  async function start(): Promise<{ child: ChildProcess; output: () => string }> {
    const child = spawn(
      process.execPath,
      // What `npm start` runs once the toolchain is set up (package.json).
      ['--import', 'tsx', 'local/start.ts'],
      {
        cwd: repoRoot,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        // Its own process group, as in a terminal or under `timeout`: the second stop signals the group.
        detached: true,
      },
    );
    current = child;
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const deadline = Date.now() + 240_000;
    while (!text.includes('Saring is running')) {
      if (child.exitCode !== null) throw new Error(`start exited with ${child.exitCode}:\n${text}`);
      if (Date.now() > deadline) throw new Error(`start did not come up in time:\n${text}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return { child, output: () => text };
  }

  /**
   * Ctrl-C, or what `timeout 240 npm start` and service managers do: SIGTERM to the whole process group,
   * followed here by an impatient Ctrl-C while the services are stopping. The second signal must wait
   * for the first stop, not exit with services still running.
   */
  async function stop(
    child: ChildProcess,
    how: 'ctrl-c' | 'group-sigterm-then-ctrl-c' = 'ctrl-c',
  ): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    if (how === 'ctrl-c') {
      child.kill('SIGINT');
      return exited;
    }
    process.kill(-child.pid!, 'SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill('SIGINT');
    return exited;
  }

  async function expectServicePortsFree(): Promise<void> {
    const ports = [
      'SARING_TEMPORAL_PORT',
      'SARING_S3_PORT',
      'SARING_API_PORT',
      'SARING_SIMULATOR_PORT',
      'SARING_OIDC_PORT',
    ];
    const busy: string[] = [];
    for (const name of ports) if (!(await isPortFree(Number(env[name])))) busy.push(`${name}=${env[name]}`);
    expect(busy).toEqual([]);
  }

  /** A demo officer signs in through the local provider's real form, with the password start made. */
  async function tokenOf(officerId: string): Promise<string> {
    const users = readOidcUsers(path.join(dataDir, 'oidc', 'users.json'));
    const officer = users.find((user) => user.username === officerId)!;
    const tokens = await signInWithPassword(
      `http://127.0.0.1:${env.SARING_OIDC_PORT}`,
      LOCAL_OIDC_CLIENTS.cli,
      'http://localhost:1/callback',
      officer,
    );
    return tokens.access_token;
  }
  const auditorToken = () => tokenOf('maya.auditor');

  /** kill -9 of the worker npm start runs: the supervisor says so, starts it again, and a new case still progresses. */
  async function killWorkerAndSeeItComeBack(output: () => string): Promise<void> {
    const pid = Number(/worker running \(pid (\d+)\)/.exec(output())?.[1]);
    expect(pid).toBeGreaterThan(0);
    process.kill(-pid, 'SIGKILL');
    const deadline = Date.now() + 180_000;
    while (!/worker is back \(pid \d+, restart 1\)/.test(output())) {
      if (Date.now() > deadline) throw new Error(`the worker did not come back:\n${output()}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(output()).toMatch(new RegExp(`worker \\(pid ${pid}\\) exited on a signal; restarting in`));
    const api = `http://127.0.0.1:${env.SARING_API_PORT}`;
    const submitted = await fetch(`${api}/api/detections`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await tokenOf('siti.verifier')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ url: `https://www.facebook.com/after-restart-${Date.now()}` }),
    });
    expect(submitted.status).toBe(202);
    const { caseId } = (await submitted.json()) as { caseId: string };
    let stage = 'intake';
    for (let i = 0; i < 240 && stage === 'intake'; i += 1) {
      const state = await fetch(`${api}/api/cases/${caseId}`, {
        headers: { authorization: `Bearer ${await auditorToken()}` },
      });
      if (state.status === 200) stage = ((await state.json()) as { stage: string }).stage;
      if (stage === 'intake') await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(stage).not.toBe('intake');
  }

  async function listCaseIds(): Promise<string[]> {
    const response = await fetch(`http://127.0.0.1:${env.SARING_API_PORT}/api/cases`, {
      headers: { authorization: `Bearer ${await auditorToken()}` },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { cases: { caseId: string }[] };
    return body.cases.map((c) => c.caseId).sort();
  }

  async function evidenceVersions(): Promise<string[]> {
    const s3 = createS3Client(localS3Config({ SARING_S3_PORT: Number(env.SARING_S3_PORT) }));
    try {
      const listed = await s3.send(new ListObjectVersionsCommand({ Bucket: LOCAL_S3.evidenceBucket }));
      return (listed.Versions ?? []).map((v) => `${v.Key}@${v.VersionId}`).sort();
    } finally {
      s3.destroy();
    }
  }

  /** What a member of the public and an officer write in one full case: none of it may rest in clear. */
  const SECRETS = {
    contactName: 'Warga Rahasia Banjarbaru',
    contactEmail: 'warga.rahasia.start@example.org',
    contactPhone: '+62 811-5000-4242',
    complaintReason: 'Aduan rahasia tentang video hasutan di pasar terapung',
    note: 'Catatan petugas: sumber video dari grup tertutup',
    verdictReason: 'Alasan putusan: konten satire yang sudah dikoreksi',
  } as const;

  /**
   * A full case through npm start's real worker, API and provider: a public complaint with a contact, an
   * officer's note and verdict, closure. Returns the case id (the control string of the scans).
   */
  async function runFullCase(): Promise<string> {
    const api = `http://127.0.0.1:${env.SARING_API_PORT}`;
    const send = async (method: string, route: string, body?: unknown, token?: string) => {
      const response = await fetch(`${api}${route}`, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const complaint = await send('POST', '/api/public/complaints', {
      url: `https://www.tiktok.com/@pasar/video/${Date.now()}`,
      reason: SECRETS.complaintReason,
      region: 'banjarbaru',
      contact: { name: SECRETS.contactName, email: SECRETS.contactEmail, phone: SECRETS.contactPhone },
    });
    expect(complaint.status).toBe(201);
    const verifier = await tokenOf('siti.verifier');
    let caseId: string | undefined;
    for (let i = 0; i < 240 && !caseId; i += 1) {
      const listed = await send('GET', '/api/cases?status=verification', undefined, await auditorToken());
      caseId = (listed.body.cases as { caseId: string; detectionCount: number }[] | undefined)?.find(
        (c) => !casesSeen.has(c.caseId),
      )?.caseId;
      if (!caseId) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    if (!caseId) throw new Error('the complaint did not become a case in verification');
    expect(
      (
        await send(
          'POST',
          `/api/cases/${caseId}/actions/assignVerifier`,
          { assignee: 'siti.verifier' },
          verifier,
        )
      ).status,
    ).toBeLessThan(300);
    expect(
      (await send('POST', `/api/cases/${caseId}/notes`, { text: SECRETS.note }, verifier)).status,
    ).toBeLessThan(300);
    const verdict = await send(
      'POST',
      `/api/cases/${caseId}/actions/submitVerdict`,
      { verdict: { kind: 'no_violation', reasons: [SECRETS.verdictReason] } },
      verifier,
    );
    expect(verdict.status).toBeLessThan(300);
    let stage = '';
    for (let i = 0; i < 240 && stage !== 'closed'; i += 1) {
      stage = String((await send('GET', `/api/cases/${caseId}`, undefined, await auditorToken())).body.stage);
      if (stage !== 'closed') await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(stage).toBe('closed');
    return caseId;
  }
  const casesSeen = new Set<string>();

  /**
   * After the full case and a clean stop: no contact and no case text in clear in the dev server's SQLite
   * files, the vault bucket's objects (as versitygw keeps them on disk), or any service's log. Each scan
   * first proves, with a control string, that it reads the files the case went to.
   */
  function expectNoClearText(caseId: string, output: string): void {
    const secrets = Object.values(SECRETS);
    const database = filesUnder(path.join(dataDir, 'temporal'));
    const vault = filesUnder(path.join(dataDir, 's3', 'buckets', LOCAL_S3.vaultBucket));
    const logs = filesUnder(path.join(dataDir, 'logs'));
    const log = (name: string) => logs.filter(({ relative }) => relative === name);
    // Controls: the workflow id is stored in clear; the vault keeps a marker per complaint under the case;
    // the API logs the auditor's reads of the case; the provider logs the verifier's sign-in; the worker polls.
    expect(anyFileHas(database, caseId)).toBe(true);
    expect(anyFileHas(vault, caseId)).toBe(true);
    expect(anyFileHas(log('api.log'), caseId)).toBe(true);
    expect(anyFileHas(log('oidc.log'), 'siti.verifier')).toBe(true);
    expect(anyFileHas(log('worker.log'), 'worker polling')).toBe(true);
    expect(output).toContain('Saring is running');
    const startOutput = [{ relative: 'npm start output', bytes: Buffer.from(output) }];
    // The finder itself finds what is there (a text every start prints).
    expect(clearTextFindings(startOutput, ['Saring is running'])).toEqual([
      'npm start output: Saring is running',
    ]);
    expect(clearTextFindings([...database, ...vault, ...logs, ...startOutput], secrets)).toEqual([]);
  }

  it('starts everything, stops on Ctrl-C, and a second start finds the first run’s cases and evidence and stops on a group SIGTERM', async () => {
    const first = await start();
    expect(first.output()).toMatch(/Sample cases\s+loaded 5 cases/);
    expect(first.output()).toMatch(/Sign-in \(OIDC\)\s+http:\/\/127.0.0.1:\d+/);
    expect(first.output()).toMatch(/maya\.auditor\s+auditor\s+\S{20,}/);
    const ui = await fetch(`http://127.0.0.1:${env.SARING_TEMPORAL_UI_PORT}/`);
    expect(ui.status).toBe(200);
    const console = await fetch(`http://127.0.0.1:${env.SARING_API_PORT}/`);
    expect(await console.text()).toContain('<html');

    const casesBefore = await listCaseIds();
    expect(casesBefore).toHaveLength(5);
    for (const id of casesBefore) casesSeen.add(id);
    // Intake captures a snapshot per case; wait until the worker has stored them.
    let evidenceBefore: string[] = [];
    for (let i = 0; i < 120 && evidenceBefore.length < 5; i += 1) {
      evidenceBefore = await evidenceVersions();
      if (evidenceBefore.length < 5) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(evidenceBefore.length).toBeGreaterThanOrEqual(5);
    await killWorkerAndSeeItComeBack(first.output);
    for (const id of await listCaseIds()) casesSeen.add(id);
    const fullCaseId = await runFullCase();

    const firstExit = await stop(first.child);
    if (firstExit !== 0) process.stderr.write(`start output:\n${first.output()}\n`);
    expect(firstExit).toBe(0);
    expect(first.output()).toContain('stopped temporal');
    expectNoClearText(fullCaseId, first.output());

    const second = await start();
    expect(second.output()).toMatch(/Sample cases\s+already loaded/);
    expect(await listCaseIds()).toEqual(expect.arrayContaining(casesBefore));
    expect(await evidenceVersions()).toEqual(expect.arrayContaining(evidenceBefore));
    expect(await stop(second.child, 'group-sigterm-then-ctrl-c')).toBe(0);
    expect(second.output()).toContain('stopped temporal');
    expect(second.output()).toContain('Stopped. Data kept in');
    await expectServicePortsFree();
  }, 600_000);
});
