import crypto from 'node:crypto';
import { dataConverterFor, type PayloadKeys } from '../../../config/codec';
import type { KeyRing } from '../../../lib/crypto/key-ring';

/**
 * The payload codec key ring every test client and worker shares, derived from a fixed label so that
 * processes of one run (jest workers, spawned services) agree on it. Test data only.
 */
export const TEST_KEY_RING: KeyRing = {
  currentKeyId: 'test-1',
  keys: { 'test-1': crypto.createHash('sha256').update('saring test payload codec key').digest('base64') },
};

export const testPayloadKeys: PayloadKeys = { keyRing: TEST_KEY_RING };

export const testDataConverter = dataConverterFor(TEST_KEY_RING);
