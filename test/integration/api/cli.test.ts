import { execFile, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { historyDocument } from '../../../activities/evidence/history-document';
import { fetchWorkflowHistory } from '../../../lib/history/workflow-history';
import type { CaseState } from '../../../domain';
import { uniqueUrl, waitFor } from '../../support/case-test-kit';
import { completeSignInForm } from '../../support/oidc/sign-in-by-form';
import { startApiTestEnv, type ApiTestEnv, type OfficerKey } from '../../support/api/api-test-kit';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const TSX = path.join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The `saring` CLI run as a child process against the in-process API (asynchronously: the API answers from this process). */
function saring(
  env: ApiTestEnv,
  who: OfficerKey | undefined,
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [TSX, path.join(REPO_ROOT, 'cli/main.ts'), ...args],
      {
        cwd: REPO_ROOT,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          SARING_API_URL: env.baseUrl,
          ...(who ? { SARING_TOKEN: env.tokens[who] } : {}),
          ...extraEnv,
        },
        timeout: 60_000,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe('saring CLI against the API (child processes, real dev server)', () => {
  let env: ApiTestEnv;
  let caseId: string;
  const work = () => env.dataDir;

  beforeAll(async () => {
    env = await startApiTestEnv();
  });
  afterAll(async () => {
    await env?.stop();
  });

  it('reports a detection, claims, notes, is refused by the workflow, gives a verdict from a file', async () => {
    const me = await saring(env, 'verifier', ['me']);
    expect(me).toMatchObject({ code: 0 });
    expect(me.stdout).toMatch(/Siti Rahmah \(siti.verifier\), role verifier/);

    const detected = await saring(env, 'verifier', [
      'detect',
      '--url',
      uniqueUrl('www.youtube.com', 'cli'),
      '--region',
      'tabalong',
      '--text',
      'Video hoaks banjir',
      '--json',
    ]);
    expect(detected.code).toBe(0);
    caseId = (JSON.parse(detected.stdout) as { caseId: string }).caseId;
    await env.waitForState(caseId, (state) => state.stage === 'verification', 'verification');

    const claim = await saring(env, 'verifier', [
      'case',
      'act',
      caseId,
      'assignVerifier',
      '--json',
      '{"assignee":"siti.verifier"}',
    ]);
    expect(claim.code).toBe(0);
    expect(claim.stdout).toMatch(/^ok: assignVerifier on case-/);

    const refused = await saring(env, 'verifier', [
      'case',
      'act',
      caseId,
      'approveStatement',
      '--json',
      '{"kind":"clarification","revision":1}',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /403 FORBIDDEN_ROLE: approveStatement: approveStatement needs one of the roles supervisor/,
    );

    const badJson = await saring(env, 'verifier', [
      'case',
      'act',
      caseId,
      'submitVerdict',
      '--json',
      '{"verdict":',
    ]);
    expect(badJson.code).toBe(2);
    expect(badJson.stderr).toMatch(/not valid JSON/);
    expect(
      (await saring(env, 'verifier', ['case', 'act', caseId, 'deleteEverything', '--json', '{}'])).code,
    ).toBe(2);
    const badPayload = await saring(env, 'verifier', [
      'case',
      'act',
      caseId,
      'submitVerdict',
      '--json',
      '{"verdict":{"kind":"maybe"}}',
    ]);
    expect(badPayload.code).toBe(1);
    expect(badPayload.stderr).toMatch(/400 invalid_input: Invalid submitVerdict payload: verdict/);

    const note = await saring(env, 'supervisor', ['case', 'note', caseId, 'Sudah', 'dicek', 'ulang']);
    expect(note.code).toBe(0);
    await env.waitForState(
      caseId,
      (state) => state.timeline.some((entry) => entry.action === 'note'),
      'the note',
    );

    const payloadFile = path.join(work(), 'verdict.json');
    fs.writeFileSync(
      payloadFile,
      JSON.stringify({ verdict: { kind: 'no_violation', reasons: ['video lama, bukan banjir tahun ini'] } }),
    );
    const verdict = await saring(env, 'verifier', [
      'case',
      'act',
      caseId,
      'submitVerdict',
      '--file',
      payloadFile,
      '--output',
      'json',
    ]);
    expect(verdict.code).toBe(0);
    expect(JSON.parse(verdict.stdout)).toMatchObject({
      caseId,
      verdict: { by: { officerId: 'siti.verifier' }, verdict: { kind: 'no_violation' } },
    });

    await env.waitForState(caseId, (state) => state.stage === 'closed', 'closed');
    const late = await saring(env, 'supervisor', ['case', 'note', caseId, 'terlambat']);
    expect(late.code).toBe(1);
    expect(late.stderr).toMatch(/409 case_closed/);
  });

  it('lists, shows and prints the timeline, in human and JSON form', async () => {
    const listed = await waitFor(
      () => saring(env, 'auditor', ['cases', 'list', '--region', 'tabalong', '--status', 'closed', '--json']),
      (run) =>
        run.code === 0 &&
        (JSON.parse(run.stdout) as { cases: { caseId: string }[] }).cases.some(
          (row) => row.caseId === caseId,
        ),
      'the closed case in the list',
    );
    expect(JSON.parse(listed.stdout).query).toBe(
      "WorkflowType IN ('ContentCaseWorkflow', 'ContentCaseWorkflowV2') AND SaringStatus = 'closed' AND SaringRegion = 'tabalong'",
    );
    const table = await saring(env, 'auditor', ['cases', 'list', '--region', 'tabalong']);
    expect(table.stdout).toMatch(/CASE\s+STAGE\s+PRIORITY/);
    expect(table.stdout).toContain(caseId);

    const show = await saring(env, 'auditor', ['case', 'show', caseId]);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/Stage\s+closed/);
    expect(show.stdout).toMatch(/Verdict\s+no_violation by siti.verifier/);
    expect(show.stdout).toMatch(/snapshot\s+sha256 [a-f0-9]{64}/);

    const timeline = await saring(env, 'auditor', ['case', 'timeline', caseId, '--json']);
    const entries = (
      JSON.parse(timeline.stdout) as { timeline: { action: string; actor?: { officerId: string } }[] }
    ).timeline;
    expect(entries.find((entry) => entry.action === 'note')?.actor?.officerId).toBe('budi.supervisor');
    const human = await saring(env, 'auditor', ['case', 'timeline', caseId]);
    expect(human.stdout).toMatch(/verdict_submitted\s+siti.verifier \(verifier\): no violation/);

    expect((await saring(env, 'auditor', ['case', 'show', 'case-0123456789abcdef0123'])).code).toBe(1);
    expect((await saring(env, 'auditor', ['case', 'show', 'nonsense'])).code).toBe(2);
    const noToken = await saring(env, undefined, ['cases', 'list']);
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toMatch(/SARING_TOKEN/);
  });

  it('exports a history with its SHA-256 and verifies copies: identical, intact prefix, forged archive, altered event', async () => {
    const file = path.join(work(), 'history.json');
    const exported = await saring(env, 'auditor', ['audit', 'history', caseId, '--out', file]);
    expect(exported.code).toBe(0);
    const digest = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    expect(exported.stdout.split(/\s+/)[0]).toBe(digest);

    const same = await saring(env, 'auditor', ['audit', 'verify', caseId, '--file', file, '--json']);
    expect(same.code).toBe(0);
    expect(JSON.parse(same.stdout)).toMatchObject({
      result: 'identical',
      sha256: digest,
      payloads: 'encoded',
    });

    // A copy taken while the case was closing holds the first events only: intact, not identical.
    const history = JSON.parse(fs.readFileSync(file, 'utf8')) as { events: Record<string, unknown>[] };
    const early = path.join(work(), 'early.json');
    fs.writeFileSync(early, JSON.stringify({ events: history.events.slice(0, -3) }));
    const prefix = await saring(env, 'auditor', ['audit', 'verify', caseId, '--file', early]);
    expect(prefix.code).toBe(0);
    expect(prefix.stdout).toMatch(/^OK intact: the \d+ events in .* match the first/);

    // An archive document as the archive activity writes it (its own code, run here against the live
    // case): one encoder serves export and archive, so the history bytes are the same.
    const archiveFile = path.join(work(), 'archive.json');
    const archived = await fetchWorkflowHistory(env.client, caseId);
    fs.writeFileSync(
      archiveFile,
      historyDocument({
        caseId,
        requestId: 'test-copy',
        archivedAt: new Date().toISOString(),
        history: archived,
      }),
    );
    const archiveCheck = await saring(env, 'auditor', ['audit', 'verify', caseId, '--file', archiveFile]);
    expect(archiveCheck.code).toBe(0);
    expect(archiveCheck.stdout).toMatch(/^OK identical: .* matches case-/);
    expect(archiveCheck.stdout).toMatch(/not the archive the case recorded/);
    const tamperedArchive = JSON.parse(fs.readFileSync(archiveFile, 'utf8')) as {
      history: { events: { eventTime: unknown }[] };
    };
    tamperedArchive.history.events[2]!.eventTime = '2020-01-01T00:00:00Z';
    fs.writeFileSync(archiveFile, JSON.stringify(tamperedArchive));
    const archiveCaught = await saring(env, 'auditor', ['audit', 'verify', caseId, '--file', archiveFile]);
    expect(archiveCaught.code).toBe(1);
    expect(archiveCaught.stdout).toMatch(
      /ALTERED: .* event 3 \(EVENT_TYPE_[A-Z_]+\) differs from Temporal's history at eventTime/,
    );

    // The archive the case recorded at closure is also checked against the SHA-256 recorded for it.
    const recordedKey = (await env.as('auditor').get<CaseState>(`/api/cases/${caseId}`)).body.outcome!
      .archive!.key;
    const forgedFile = path.join(work(), 'forged.json');
    fs.writeFileSync(
      forgedFile,
      historyDocument({
        caseId,
        requestId: path.basename(recordedKey, '.json'),
        archivedAt: new Date().toISOString(),
        history: archived,
      }),
    );
    const forged = await saring(env, 'auditor', ['audit', 'verify', caseId, '--file', forgedFile, '--json']);
    expect(forged.code).toBe(1);
    expect(JSON.parse(forged.stdout)).toMatchObject({
      result: 'altered',
      recordedSha256: expect.stringMatching(/^[a-f0-9]{64}$/),
    });

    const altered = path.join(work(), 'altered.json');
    const tampered = JSON.parse(fs.readFileSync(file, 'utf8')) as { events: { eventTime: string }[] };
    tampered.events[4]!.eventTime = '2020-01-01T00:00:00Z';
    fs.writeFileSync(altered, JSON.stringify(tampered, null, 2));
    const caught = await saring(env, 'auditor', ['audit', 'verify', caseId, '--file', altered]);
    expect(caught.code).toBe(1);
    expect(caught.stdout).toMatch(
      /^ALTERED: .* event 5 \(EVENT_TYPE_[A-Z_]+\) differs from Temporal's history at eventTime/,
    );

    const forbidden = await saring(env, 'verifier', [
      'audit',
      'history',
      caseId,
      '--out',
      path.join(work(), 'nope.json'),
    ]);
    expect(forbidden.code).toBe(1);
    expect(forbidden.stderr).toMatch(/403 forbidden_role/);
  });

  it('saring audit access lists who read and exported the case; only auditors may ask', async () => {
    const human = await saring(env, 'auditor', ['audit', 'access', caseId]);
    expect(human).toMatchObject({ code: 0, stderr: '' });
    expect(human.stdout).toMatch(/^time\s+officer\s+role\s+action\s+client\s+path$/m);
    // The earlier tests read the case as the auditor and exported its history.
    expect(human.stdout).toMatch(/tono\.auditor\s+auditor\s+read\s+\S+\s+\/api\/cases\//);
    expect(human.stdout).toMatch(/tono\.auditor\s+auditor\s+export\s+/);

    const exports = await saring(env, 'auditor', ['audit', 'access', caseId, '--action', 'export', '--json']);
    expect(exports.code).toBe(0);
    const listed = JSON.parse(exports.stdout) as { caseId: string; accesses: { action: string }[] };
    expect(listed.caseId).toBe(caseId);
    expect(listed.accesses.length).toBeGreaterThan(0);
    expect(listed.accesses.every((entry) => entry.action === 'export')).toBe(true);
    const stored = (await env.audit.accessesTo(caseId)).filter((entry) => entry.action === 'export');
    expect(listed.accesses).toEqual(stored);

    const refused = await saring(env, 'verifier', ['audit', 'access', caseId]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/auditor/);
    const badId = await saring(env, 'auditor', ['audit', 'access', 'nonsense']);
    expect(badId.code).toBe(2);
    expect(badId.stderr).toMatch(/a case id like case-/);
    const badAction = await saring(env, 'auditor', ['audit', 'access', caseId, '--action', 'delete']);
    expect(badAction.code).toBe(2);
  });

  it('saring login signs in through the provider (PKCE, loopback), keeps the tokens 0600, refreshes them; logout forgets them', async () => {
    const configHome = fs.mkdtempSync(path.join(work(), 'xdg-'));
    const child = spawn(
      process.execPath,
      [TSX, path.join(REPO_ROOT, 'cli/main.ts'), 'login', '--port', '0'],
      {
        cwd: REPO_ROOT,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          SARING_API_URL: env.baseUrl,
          XDG_CONFIG_HOME: configHome,
        },
      },
    );
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const url = await waitFor(
      async () => /^(http\S+\/auth\?\S+)$/m.exec(stderr)?.[1],
      (found) => found !== undefined,
      'the sign-in URL',
      60_000,
    );
    const redirectUri = new URL(url!).searchParams.get('redirect_uri')!;
    expect(redirectUri).toMatch(/^http:\/\/localhost:\d+\/callback$/);
    const user = env.oidc.users.find((u) => u.username === 'siti.verifier')!;
    const outcome = await completeSignInForm(url!, redirectUri, user);
    if (!('redirect' in outcome)) throw new Error(`sign-in stopped at ${outcome.status}`);
    // The browser's last hop: the provider's redirect reaches the CLI's loopback server.
    expect((await fetch(outcome.redirect)).status).toBe(200);
    expect(await exited).toBe(0);
    expect(stdout).toMatch(/Signed in\./);

    const file = path.join(configHome, 'saring', 'tokens.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const xdg = { XDG_CONFIG_HOME: configHome };
    expect((await saring(env, undefined, ['me'], xdg)).stdout).toMatch(/\(siti.verifier\), role verifier/);

    // An access token about to expire is refreshed with the refresh token before the call.
    const stored = JSON.parse(fs.readFileSync(file, 'utf8'));
    fs.writeFileSync(file, JSON.stringify({ ...stored, expiresAt: Date.now() }), { mode: 0o600 });
    expect((await saring(env, undefined, ['me'], xdg)).code).toBe(0);
    const renewed = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(renewed.accessToken).not.toBe(stored.accessToken);
    expect(renewed.expiresAt).toBeGreaterThan(Date.now());

    expect((await saring(env, undefined, ['logout'], xdg)).stdout).toMatch(/Signed out/);
    expect(fs.existsSync(file)).toBe(false);
    const after = await saring(env, undefined, ['me'], xdg);
    expect(after.code).toBe(2);
    expect(after.stderr).toMatch(/not signed in: run `saring login`/);
  });
});
