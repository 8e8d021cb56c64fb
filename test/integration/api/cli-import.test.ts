import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ImportCheckpoint } from '../../../cli/import/import-checkpoint';
import type { CaseState } from '../../../domain';
import { uniqueUrl, waitFor } from '../../support/case-test-kit';
import { startApiTestEnv, type ApiTestEnv } from '../../support/api/api-test-kit';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const TSX = path.join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs');
const LINES = 30;

/** `saring import`: batches to POST /api/detections/batch, a checkpoint after each, resumes after kill -9. */
describe('saring import (child process, real dev server, real workflows)', () => {
  let env: ApiTestEnv;
  let file: string;
  const urls = Array.from({ length: LINES }, (_, i) => uniqueUrl('www.facebook.com', `import-${i}`));

  const cliEnv = () => ({
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    SARING_API_URL: env.baseUrl,
    SARING_TOKEN: env.tokens.verifier,
  });
  const args = ['import', '', '--batch-size', '3'];

  beforeAll(async () => {
    env = await startApiTestEnv();
    file = path.join(env.dataDir, 'feed.jsonl');
    // A blank line and a bad line among the detections: counted, reported, never sent as a case.
    const lines = urls.map((url, i) => JSON.stringify({ url, detectionId: `feed-${i}` }));
    lines.splice(10, 0, '', '{"url": "https://x.com/no-id"}');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    args[1] = file;
  });
  afterAll(async () => {
    await env?.stop();
  });

  it('killed with -9 mid-way, resumes from its checkpoint and sends no line twice as a new case', async () => {
    const checkpointFile = `${file}.checkpoint.json`;
    const first = spawn(process.execPath, [TSX, path.join(REPO_ROOT, 'cli/main.ts'), ...args], {
      cwd: REPO_ROOT,
      env: cliEnv(),
      stdio: 'ignore',
      // Its own process group: tsx runs the CLI in a child process, and kill -9 must reach both.
      detached: true,
    });
    const exited = new Promise((resolve) => first.on('exit', resolve));
    const reached = await waitFor(
      async () =>
        fs.existsSync(checkpointFile)
          ? ImportCheckpoint.parse(JSON.parse(fs.readFileSync(checkpointFile, 'utf8')))
          : undefined,
      (checkpoint) => checkpoint !== undefined && checkpoint.nextLine > 12,
      'the first import past line 12',
      60_000,
    );
    process.kill(-first.pid!, 'SIGKILL');
    await exited;
    const atKill = ImportCheckpoint.parse(JSON.parse(fs.readFileSync(checkpointFile, 'utf8')));
    expect(atKill.nextLine).toBeGreaterThanOrEqual(reached!.nextLine);
    expect(atKill.nextLine).toBeLessThan(LINES + 2);

    const second = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [TSX, path.join(REPO_ROOT, 'cli/main.ts'), ...args, '--json'],
        { cwd: REPO_ROOT, env: cliEnv(), timeout: 60_000 },
        (error, stdout, stderr) =>
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
      );
    });
    expect(second.stderr).toContain(`resuming at line ${atKill.nextLine}`);
    const summary = JSON.parse(second.stdout) as { sentThisRun: number; accepted: number; rejected: number };
    // The second run sent only what the checkpoint had not covered (file lines, blank one excluded).
    const remainingLines = LINES + 2 - (atKill.nextLine - 1);
    expect(summary.sentThisRun).toBeLessThanOrEqual(remainingLines);
    expect(summary).toMatchObject({ accepted: LINES, rejected: 1 });
    expect(second.code).toBe(1);
    expect(fs.existsSync(checkpointFile)).toBe(false);
    const rejects = fs.readFileSync(`${file}.rejects.jsonl`, 'utf8').trim().split('\n');
    expect(rejects).toHaveLength(1);
    expect(JSON.parse(rejects[0]!)).toMatchObject({ line: 12, error: { code: 'invalid_input' } });

    // Every detection is on its own case, counted once.
    const cases = new Map<string, number>();
    await Promise.all(
      urls.map(async (_url, i) => {
        const response = await env
          .as('verifier')
          .post<{ caseId: string }>('/api/detections', { url: urls[i], reason: 'check' });
        cases.set(response.body.caseId, i);
      }),
    );
    expect(cases.size).toBe(LINES);
    for (const caseId of cases.keys()) {
      const state = await env.waitForState(
        caseId,
        (s: CaseState) => s.detections.count >= 2,
        `${caseId} counted the check detection`,
      );
      expect(state.detections.count).toBe(2);
    }
  });
});
