import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readManifest } from '../../../toolchain/manifest';
import { testServers } from '../../support/servers/test-servers';
import { uniqueUrl } from '../../support/case-test-kit';
import {
  openCaseForVerification,
  startApiTestEnv,
  TEMPORAL_UI_TEST_ORIGIN,
  type ApiTestEnv,
} from '../../support/api/api-test-kit';

const run = promisify(execFile);

/** Every payload's data in `temporal workflow show --output json`, base64-decoded, one per line. */
function payloadTexts(json: string): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const { data, metadata } = node as { data?: unknown; metadata?: unknown };
    if (typeof data === 'string' && metadata) texts.push(Buffer.from(data, 'base64').toString('utf8'));
    Object.values(node).forEach(walk);
  };
  walk(JSON.parse(json));
  return texts.join('\n');
}
const SECRET_TEXT = 'Rahasia kodek: alamat Jl. Sultan Adam 77';

/** The payload codec on a real case, and the codec server the temporal CLI and Web UI decode through. */
describe('payload codec and codec server (real dev server, temporal CLI)', () => {
  let env: ApiTestEnv;
  let caseId: string;
  const cli = readManifest().temporalCli.path;
  const show = (extra: string[]) =>
    run(cli, [
      'workflow',
      'show',
      '--workflow-id',
      caseId,
      '--address',
      testServers().temporal.address,
      '--namespace',
      testServers().temporal.namespace,
      '--output',
      'json',
      ...extra,
    ]);

  beforeAll(async () => {
    env = await startApiTestEnv();
    caseId = await openCaseForVerification(env, {
      url: uniqueUrl('www.facebook.com', 'codec'),
      text: SECRET_TEXT,
    });
  });
  afterAll(async () => {
    await env?.stop();
  });

  it('Temporal holds the case only encrypted, under a named key', async () => {
    const raw = await show([]);
    expect(raw.stdout).toContain('YmluYXJ5L2VuY3J5cHRlZA=='); // "binary/encrypted", base64
    expect(raw.stdout).toContain(Buffer.from('test-1').toString('base64'));
    expect(payloadTexts(raw.stdout)).not.toContain('Sultan Adam');
  });

  it('the temporal CLI decodes through /api/codec with a case reader’s token', async () => {
    const decoded = await show([
      '--codec-endpoint',
      `${env.baseUrl}/api/codec`,
      '--codec-auth',
      `Bearer ${env.tokens.auditor}`,
    ]);
    expect(payloadTexts(decoded.stdout)).toContain('Sultan Adam 77');
    expect(decoded.stdout).not.toContain('YmluYXJ5L2VuY3J5cHRlZA==');
  });

  it('refuses decoding without a token (401) and to roles that may not read cases (403)', async () => {
    const payloads = { payloads: [{ metadata: { encoding: 'anNvbi9wbGFpbg==' }, data: 'e30=' }] };
    expect((await env.as({}).post('/api/codec/decode', payloads)).status).toBe(401);
    const admin = await env.as('admin').post('/api/codec/decode', payloads);
    expect(admin.status).toBe(403);
    expect(admin.body).not.toHaveProperty('payloads');
    const bad = await env.as('auditor').post('/api/codec/decode', { payloads: [{ data: 'not base64!' }] });
    expect(bad.status).toBe(400);
  });

  it('encodes and decodes over HTTP in Temporal’s JSON shape', async () => {
    const plain = {
      metadata: { encoding: Buffer.from('json/plain').toString('base64') },
      data: Buffer.from(JSON.stringify(SECRET_TEXT)).toString('base64'),
    };
    const encoded = await env.as('supervisor').post<{ payloads: (typeof plain)[] }>('/api/codec/encode', {
      payloads: [plain],
    });
    expect(encoded.status).toBe(200);
    const sealed = encoded.body.payloads[0]!;
    expect(Buffer.from(sealed.metadata.encoding, 'base64').toString()).toBe('binary/encrypted');
    expect(Buffer.from(sealed.data, 'base64').toString()).not.toContain('Sultan');
    const decoded = await env.as('verifier').post<{ payloads: (typeof plain)[] }>('/api/codec/decode', {
      payloads: [sealed],
    });
    expect(decoded.body.payloads).toEqual([plain]);
  });

  it('answers the Temporal Web UI’s CORS preflight for its origin only', async () => {
    const preflight = (origin: string) =>
      fetch(`${env.baseUrl}/api/codec/decode`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
    const ui = await preflight(TEMPORAL_UI_TEST_ORIGIN);
    expect(ui.status).toBe(200);
    expect(ui.headers.get('access-control-allow-origin')).toBe(TEMPORAL_UI_TEST_ORIGIN);
    expect(ui.headers.get('access-control-allow-headers')).toContain('authorization');
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
