import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../../cli/main';
import { verifyPartnerDelivery } from '../../../api/partners/verify-delivery';
import { ReplayGuard } from '../../../api/partners/replay-guard';

const SECRET = 'cli-test-secret-0123456789abcdef0123';

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, env, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('saring sign-webhook', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sign-webhook-'));
  const bodyFile = path.join(dir, 'body.json');
  fs.writeFileSync(bodyFile, '{"url":"https://x.com/a/status/1"}\n');

  it('prints a header the API verifies for those exact bytes', async () => {
    const now = Math.floor(Date.now() / 1000);
    const { code, out } = await cli(['sign-webhook', bodyFile, '--timestamp', String(now)], {
      SARING_PARTNER_SECRET: SECRET,
    });
    expect(code).toBe(0);
    expect(out).toMatch(new RegExp(`^t=${now},v1=[0-9a-f]{64}$`));
    const partner = { id: 'factcheck-net', machineClientId: 'c', secrets: [Buffer.from(SECRET)] };
    expect(() =>
      verifyPartnerDelivery(partner, out, fs.readFileSync(bodyFile), new ReplayGuard(), now),
    ).not.toThrow();
    expect(() =>
      verifyPartnerDelivery(
        partner,
        out,
        Buffer.from('{"url":"https://x.com/a/status/1"}'),
        new ReplayGuard(),
        now,
      ),
    ).toThrow(/No v1 signature matches/);
  });

  it('reads the secret from a file, and refuses without a secret or with a bad timestamp (exit 2)', async () => {
    const secretFile = path.join(dir, 'secret');
    fs.writeFileSync(secretFile, `${SECRET}\n`);
    const fromFile = await cli(['sign-webhook', bodyFile, '--secret-file', secretFile, '--timestamp', '100']);
    const fromEnv = await cli(['sign-webhook', bodyFile, '--timestamp', '100'], {
      SARING_PARTNER_SECRET: SECRET,
    });
    expect(fromFile.out).toBe(fromEnv.out);
    const none = await cli(['sign-webhook', bodyFile]);
    expect([none.code, none.err]).toEqual([2, expect.stringContaining('SARING_PARTNER_SECRET')]);
    const bad = await cli(['sign-webhook', bodyFile, '--timestamp', 'soon'], {
      SARING_PARTNER_SECRET: SECRET,
    });
    expect([bad.code, bad.err]).toEqual([2, expect.stringContaining('--timestamp')]);
  });
});
