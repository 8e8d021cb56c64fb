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
      [path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), 'local/start.ts'],
      {
        cwd: repoRoot,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
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

  async function stop(child: ChildProcess): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    return exited;
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

  it('starts everything, stops on Ctrl-C, and a second start finds the first run’s cases and evidence', async () => {
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
    // Intake captures a snapshot per case; wait until the worker has stored them.
    let evidenceBefore: string[] = [];
    for (let i = 0; i < 120 && evidenceBefore.length < 5; i += 1) {
      evidenceBefore = await evidenceVersions();
      if (evidenceBefore.length < 5) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(evidenceBefore.length).toBeGreaterThanOrEqual(5);
    await killWorkerAndSeeItComeBack(first.output);

    const firstExit = await stop(first.child);
    if (firstExit !== 0) process.stderr.write(`start output:\n${first.output()}\n`);
    expect(firstExit).toBe(0);
    expect(first.output()).toContain('stopped temporal');

    const second = await start();
    expect(second.output()).toMatch(/Sample cases\s+already loaded/);
    expect(await listCaseIds()).toEqual(expect.arrayContaining(casesBefore));
    expect(await evidenceVersions()).toEqual(expect.arrayContaining(evidenceBefore));
    expect(await stop(second.child)).toBe(0);
  }, 600_000);
});
