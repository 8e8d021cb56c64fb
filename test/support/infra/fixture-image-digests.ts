import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ImageDigestsFile } from '../../../infra/constructs/images/image-digests';
import { DIGEST_UNKNOWN } from '../../../infra/constructs/images/pinned-images';

/** A stand-in digest for a tag without a reviewed one: well-formed, recognisably not a registry's answer. */
export function fixtureDigest(reference: string): string {
  return `sha256:${crypto.createHash('sha256').update(`saring test fixture ${reference}`).digest('hex')}`;
}

/**
 * Writes a digest file, shaped as `npm run images:resolve` writes it (same schema), for every image without a
 * reviewed digest, so tests can synthesize environments that deploy by digest only. Returns its path.
 */
export function writeFixtureImageDigests(dir: string): string {
  const file = path.join(dir, 'fixture-image-digests.json');
  const content = ImageDigestsFile.parse({
    resolvedAt: new Date().toISOString(),
    resolvedWith: 'test fixture',
    digests: Object.fromEntries(DIGEST_UNKNOWN.map((reference) => [reference, fixtureDigest(reference)])),
  });
  fs.writeFileSync(file, JSON.stringify(content));
  return file;
}
