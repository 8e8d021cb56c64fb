import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiServerConfig, loadApiConfig } from '../../../api/api-config';
import { baseWorkerConfig } from '../../support/config/base-worker-config';
import { PartnersConfig, resolvePartners, type Partner } from '../../../api/partners/partner-config';
import { ReplayGuard } from '../../../api/partners/replay-guard';
import { verifyPartnerDelivery } from '../../../api/partners/verify-delivery';
import { HttpError } from '../../../api/http-error';
import { partnerSignatureHeader, PartnerSignatureHeader } from '../../../lib/partner-webhook-signature';
import { signWebhook } from '../../../lib/webhook-signature';

const SECRET_A = 'a'.repeat(16) + 'partner-a-secret-0123456789';
const SECRET_B = 'b'.repeat(16) + 'partner-b-secret-0123456789';
const partner = (id: string, ...secrets: string[]): Partner => ({
  id,
  machineClientId: `${id}-client`,
  secrets: secrets.map((s) => Buffer.from(s)),
});
const NOW = 1_780_000_000;
const body = Buffer.from('{"url":"https://x.com/a/status/1"}');

/** The 401 code verifyPartnerDelivery refuses with, or "accepted". */
function outcome(p: Partner, header: string | undefined, raw: Buffer, guard = new ReplayGuard(), now = NOW) {
  try {
    verifyPartnerDelivery(p, header, raw, guard, now);
    return 'accepted';
  } catch (error) {
    if (!(error instanceof HttpError) || error.status !== 401) throw error;
    return error.code;
  }
}

describe('partner webhook signatures (lib/partner-webhook-signature.ts, api/partners/verify-delivery.ts)', () => {
  it('accepts the format Saring itself signs notification webhooks with', () => {
    expect(outcome(partner('a-net', SECRET_A), signWebhook(SECRET_A, body.toString(), NOW), body)).toBe(
      'accepted',
    );
  });

  it('refuses each failure with its own code', () => {
    const a = partner('a-net', SECRET_A);
    expect(outcome(a, undefined, body)).toBe('signature_missing');
    expect(outcome(a, 'v1=abc', body)).toBe('signature_malformed');
    expect(outcome(a, `t=${NOW},t=${NOW},v1=${'0'.repeat(64)}`, body)).toBe('signature_malformed');
    expect(outcome(a, partnerSignatureHeader([SECRET_A], body, NOW - 301), body)).toBe(
      'signature_timestamp_out_of_window',
    );
    expect(outcome(a, partnerSignatureHeader([SECRET_A], body, NOW + 301), body)).toBe(
      'signature_timestamp_out_of_window',
    );
    expect(outcome(a, partnerSignatureHeader([SECRET_A], body, NOW - 299), body)).toBe('accepted');
    expect(outcome(a, partnerSignatureHeader([SECRET_B], body, NOW), body)).toBe('signature_mismatch');
    const tampered = Buffer.from(body.toString().replace('status/1', 'status/2'));
    expect(outcome(a, partnerSignatureHeader([SECRET_A], body, NOW), tampered)).toBe('signature_mismatch');
  });

  it("does not take one partner's signature for another's", () => {
    const header = partnerSignatureHeader([SECRET_A], body, NOW);
    expect(outcome(partner('a-net', SECRET_A), header, body)).toBe('accepted');
    expect(outcome(partner('b-net', SECRET_B), header, body)).toBe('signature_mismatch');
  });

  it('accepts the old and the new secret during a rotation, and a header carrying both', () => {
    const rotating = partner('a-net', SECRET_A, SECRET_B);
    expect(outcome(rotating, partnerSignatureHeader([SECRET_A], body, NOW), body)).toBe('accepted');
    expect(outcome(rotating, partnerSignatureHeader([SECRET_B], body, NOW + 1), body)).toBe('accepted');
    expect(
      outcome(partner('a-net', SECRET_B), partnerSignatureHeader([SECRET_A, SECRET_B], body, NOW), body),
    ).toBe('accepted');
  });

  it('refuses a replay inside the window, even with the signatures reordered or one dropped', () => {
    const guard = new ReplayGuard();
    const rotating = partner('a-net', SECRET_A, SECRET_B);
    const both = partnerSignatureHeader([SECRET_A, SECRET_B], body, NOW);
    expect(outcome(rotating, both, body, guard)).toBe('accepted');
    expect(outcome(rotating, both, body, guard, NOW + 10)).toBe('signature_replayed');
    const [t, v1a, v1b] = both.split(',');
    expect(outcome(rotating, [t, v1b].join(','), body, guard)).toBe('signature_replayed');
    expect(outcome(rotating, [t, v1b, v1a].join(','), body, guard)).toBe('signature_replayed');
    // The same body signed again with a new timestamp is a new delivery.
    expect(outcome(rotating, partnerSignatureHeader([SECRET_A], body, NOW + 1), body, guard)).toBe(
      'accepted',
    );
  });

  it('parses the header with zod: several v1, unknown schemes ignored, at most 4 signatures', () => {
    const sig = 'ab'.repeat(32);
    expect(PartnerSignatureHeader.parse(`t=12, v0=zz, v1=${sig.toUpperCase()}`)).toEqual({
      timestamp: 12,
      v1: [sig],
    });
    expect(PartnerSignatureHeader.safeParse(`t=12,${Array(5).fill(`v1=${sig}`).join(',')}`).success).toBe(
      false,
    );
    expect(PartnerSignatureHeader.safeParse(`t=-12,v1=${sig}`).success).toBe(false);
  });
});

describe('partner config (api/partners/partner-config.ts)', () => {
  const base = { id: 'factcheck-net', machineClientId: 'saring-partner' };

  it('lists every problem by path: short secret, three secrets, bad region, duplicate ids', () => {
    const three = PartnersConfig.safeParse([
      { ...base, secrets: [{ value: 'short' }] },
      {
        ...base,
        secrets: [{ value: SECRET_A }, { value: SECRET_A }, { value: SECRET_A }],
        regions: ['jakarta'],
      },
    ]);
    expect(three.success).toBe(false);
    const messages = three.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^0\.secrets\.0/),
        '1.secrets: at most two secrets (old and new)',
        expect.stringMatching(/^1\.regions\.0/),
      ]),
    );
    expect(
      PartnersConfig.safeParse([
        { ...base, secrets: [{ value: SECRET_A }] },
        { ...base, secrets: [{ value: SECRET_B }] },
      ]).error?.issues[0]?.message,
    ).toBe('partner ids must be unique');
  });

  it('is part of the API config and defaults to no partners', () => {
    const minimal = {
      auth: { issuer: 'http://127.0.0.1:8090', consoleClientId: 'c', cliClientId: 'd' },
      reporterVault: {
        s3: { region: 'us-east-1' },
        bucket: 'vault-bucket',
        keys: { masterKeyFile: '/tmp/none' },
      },
    };
    expect(ApiServerConfig.parse(minimal).partners).toEqual([]);
    const bad = ApiServerConfig.safeParse({ ...minimal, partners: [{ ...base, id: 'Bad Id', secrets: [] }] });
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['partners.0.id', 'partners.0.secrets']);
  });

  it('stops the API at start with every partner problem named by path', () => {
    const config = {
      ...baseWorkerConfig,
      api: {
        ...baseWorkerConfig.api,
        partners: [{ ...base, secrets: [{ value: SECRET_A }, { value: SECRET_A }, { file: 'x' }] }],
      },
    };
    expect(() => loadApiConfig({ SARING_CONFIG_JSON: JSON.stringify(config) })).toThrow(
      'Config SARING_CONFIG_JSON is invalid:\n  - api.partners.0.secrets: at most two secrets (old and new)\nFix these fields and start again.',
    );
  });

  it('reads secrets from a file or an environment variable, and says what is missing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partner-secret-'));
    const file = path.join(dir, 'secret');
    fs.writeFileSync(file, `${SECRET_A}\n`, { mode: 0o600 });
    const config = PartnersConfig.parse([{ ...base, secrets: [{ file }, { env: 'PARTNER_NEW_SECRET' }] }]);
    const [resolved] = resolvePartners(config, { PARTNER_NEW_SECRET: SECRET_B });
    expect(resolved!.secrets.map(String)).toEqual([SECRET_A, SECRET_B]);
    expect(() => resolvePartners(config, {})).toThrow(
      'api.partners[factcheck-net].secrets[1]: the environment variable PARTNER_NEW_SECRET is not set',
    );
    fs.writeFileSync(file, 'too-short');
    expect(() => resolvePartners(config, { PARTNER_NEW_SECRET: SECRET_B })).toThrow(
      /9 characters; use at least 32/,
    );
    fs.rmSync(dir, { recursive: true });
    expect(() => resolvePartners(config, { PARTNER_NEW_SECRET: SECRET_B })).toThrow(/cannot read .*secret/);
  });
});
