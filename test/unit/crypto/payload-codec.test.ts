import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultPayloadConverter } from '@temporalio/common';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import {
  AesGcmPayloadCodec,
  COMPRESSION_METADATA,
  KEY_ID_METADATA,
  MAX_INFLATED_BYTES,
} from '../../../lib/crypto/aes-gcm-payload-codec';
import { sealAesGcm } from '../../../lib/crypto/aes-gcm';
import { generateKeyRing, type KeyRing } from '../../../lib/crypto/key-ring';
import { ensureLocalKeyRingFile, readKeyRingFile } from '../../../config/codec';
import { z } from 'zod';
import { loadConfig } from '../../../config/load';
import { runtimeEnvOverrides } from '../../../config/runtime-env-overrides';
import { TemporalConfig } from '../../../config/temporal';

const secret = { reason: 'alamat pelapor Jl. Veteran 12, Banjarmasin', phone: '+62 812 5555 0101' };
const text = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('utf8');

describe('the AES-256-GCM payload codec', () => {
  const ring = generateKeyRing('k1');
  const codec = new AesGcmPayloadCodec(ring);

  it('seals a payload so neither its data nor its metadata show, names the key, and opens it again', async () => {
    const plain = defaultPayloadConverter.toPayload(secret);
    const [sealed] = await codec.encode([plain]);
    expect(text(sealed!.metadata!.encoding)).toBe('binary/encrypted');
    expect(text(sealed!.metadata![KEY_ID_METADATA])).toBe('k1');
    expect(text(sealed!.data)).not.toContain('Veteran');
    expect(text(sealed!.data)).not.toContain('json/plain');
    const [opened] = await codec.decode([sealed!]);
    expect(defaultPayloadConverter.fromPayload(opened!)).toEqual(secret);
  });

  it('passes through payloads recorded before the codec (replay of old histories)', async () => {
    const plain = defaultPayloadConverter.toPayload(secret);
    const [decoded] = await codec.decode([plain]);
    expect(decoded).toBe(plain);
  });

  it('after rotation seals with the new key and still opens payloads sealed with the old one', async () => {
    const [old] = await codec.encode([defaultPayloadConverter.toPayload(secret)]);
    const rotated: KeyRing = { currentKeyId: 'k2', keys: { ...ring.keys, ...generateKeyRing('k2').keys } };
    const next = new AesGcmPayloadCodec(rotated);
    const [fresh] = await next.encode([defaultPayloadConverter.toPayload(secret)]);
    expect(text(fresh!.metadata![KEY_ID_METADATA])).toBe('k2');
    const opened = await next.decode([old!, fresh!]);
    expect(opened.map((p) => defaultPayloadConverter.fromPayload(p))).toEqual([secret, secret]);
  });

  it('refuses a key it does not hold, a changed byte and a relabelled key id', async () => {
    const [sealed] = await codec.encode([defaultPayloadConverter.toPayload(secret)]);
    const stranger = new AesGcmPayloadCodec(generateKeyRing('k9'));
    await expect(stranger.decode([sealed!])).rejects.toThrow(/key k1, which is not in the key ring/);
    const flipped = Buffer.from(sealed!.data!);
    flipped[20] = flipped[20]! ^ 1;
    await expect(codec.decode([{ ...sealed!, data: flipped }])).rejects.toThrow();
    const twoKeys = new AesGcmPayloadCodec({ currentKeyId: 'k1', keys: { ...ring.keys, k3: ring.keys.k1! } });
    const relabelled = {
      ...sealed!,
      metadata: { ...sealed!.metadata, [KEY_ID_METADATA]: Buffer.from('k3') },
    };
    await expect(twoKeys.decode([relabelled])).rejects.toThrow();
  });
});

describe('compression in the payload codec', () => {
  const ring = generateKeyRing('k1');
  const codec = new AesGcmPayloadCodec(ring);
  const policyLike = {
    categories: Array.from({ length: 12 }, (_, i) => ({
      id: `category-${i}`,
      sla: { verifyHours: 4, respondHours: 24 },
    })),
  };

  it('deflates a payload that shrinks, says so, and opens it to the same value', async () => {
    const plain = defaultPayloadConverter.toPayload(policyLike);
    const [sealed] = await codec.encode([plain]);
    expect(text(sealed!.metadata![COMPRESSION_METADATA])).toBe('deflate-raw');
    const uncompressed = new AesGcmPayloadCodec(ring, { compressFromBytes: Number.MAX_SAFE_INTEGER });
    const [sealedPlain] = await uncompressed.encode([plain]);
    expect(sealed!.data!.length).toBeLessThan(sealedPlain!.data!.length / 2);
    const [opened] = await codec.decode([sealed!]);
    expect(defaultPayloadConverter.fromPayload(opened!)).toEqual(policyLike);
    // A payload sealed before compression existed (no label) still opens.
    const [openedPlain] = await codec.decode([sealedPlain!]);
    expect(defaultPayloadConverter.fromPayload(openedPlain!)).toEqual(policyLike);
  });

  it('leaves small payloads and payloads deflate cannot shrink uncompressed', async () => {
    const random = new Uint8Array(crypto.randomBytes(2_000));
    const sealed = await codec.encode([
      defaultPayloadConverter.toPayload('case-1'),
      defaultPayloadConverter.toPayload(random),
    ]);
    expect(sealed.map((payload) => payload.metadata![COMPRESSION_METADATA])).toEqual([undefined, undefined]);
    const opened = await codec.decode(sealed);
    expect(opened.map((payload) => defaultPayloadConverter.fromPayload(payload))).toEqual(['case-1', random]);
  });

  it('refuses a payload whose compression label was removed, added or changed', async () => {
    const [compressed] = await codec.encode([defaultPayloadConverter.toPayload(policyLike)]);
    const { [COMPRESSION_METADATA]: _label, ...withoutLabel } = compressed!.metadata!;
    await expect(codec.decode([{ ...compressed!, metadata: withoutLabel }])).rejects.toThrow();
    const [small] = await codec.encode([defaultPayloadConverter.toPayload('case-1')]);
    const labelled = {
      ...small!,
      metadata: { ...small!.metadata, [COMPRESSION_METADATA]: Buffer.from('deflate-raw') },
    };
    await expect(codec.decode([labelled])).rejects.toThrow();
    const other = {
      ...compressed!,
      metadata: { ...compressed!.metadata, [COMPRESSION_METADATA]: Buffer.from('zstd') },
    };
    await expect(codec.decode([other])).rejects.toThrow(
      /compressed with "zstd", which this release does not read/,
    );
  });

  it('refuses to inflate a payload past the size limit', async () => {
    const bomb = zlib.deflateRawSync(Buffer.alloc(MAX_INFLATED_BYTES + 1));
    const sealed = {
      metadata: {
        encoding: Buffer.from('binary/encrypted'),
        [KEY_ID_METADATA]: Buffer.from('k1'),
        [COMPRESSION_METADATA]: Buffer.from('deflate-raw'),
      },
      data: sealAesGcm(Buffer.from(ring.keys.k1!, 'base64'), bomb, Buffer.from('k1\ndeflate-raw')),
    };
    await expect(codec.decode([sealed])).rejects.toThrow(/inflates past 8388608 bytes: refused/);
  });
});

describe('payload codec keys in the config', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saring-codec-'));
  const loadTemporal = (env: NodeJS.ProcessEnv) =>
    loadConfig(z.object({ temporal: TemporalConfig }), env, { temporal: runtimeEnvOverrides(env).temporal });

  it('creates the local key file once, with mode 0600, and never overwrites it', () => {
    const file = path.join(dir, 'keys', 'codec-keys.json');
    expect(ensureLocalKeyRingFile(file).created).toBe(true);
    const first = fs.readFileSync(file, 'utf8');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(ensureLocalKeyRingFile(file).created).toBe(false);
    expect(fs.readFileSync(file, 'utf8')).toBe(first);
    expect(readKeyRingFile(file).currentKeyId).toMatch(/^k\d{8}$/);
  });

  it('says what to do when the key file is missing or damaged', () => {
    expect(() => readKeyRingFile(path.join(dir, 'absent.json'))).toThrow(/Run `npm start` once to create it/);
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ currentKeyId: 'k1', keys: { k1: 'c2hvcnQ=' } }));
    expect(() => readKeyRingFile(bad)).toThrow(/keys\.k1: a base64-encoded 32-byte AES-256 key/);
  });

  it('requires keys, and takes the cloud key ring from SARING_CODEC_KEY_RING', () => {
    const json = (temporal: object) => JSON.stringify({ temporal });
    expect(() => loadTemporal({ SARING_CONFIG_JSON: json({}) })).toThrow(/temporal\.payloadKeys/);
    const ring = generateKeyRing('cloud-1');
    const config = loadTemporal({
      SARING_CONFIG_JSON: json({}),
      SARING_CODEC_KEY_RING: JSON.stringify(ring),
    });
    expect(config.temporal.payloadKeys.keyRing).toEqual(ring);
    expect(() => loadTemporal({ SARING_CONFIG_JSON: json({}), SARING_CODEC_KEY_RING: '{not json' })).toThrow(
      /SARING_CODEC_KEY_RING: the payload codec key ring must be JSON/,
    );
  });
});
