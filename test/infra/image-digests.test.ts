import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadEnvironmentConfig } from '../../infra/config/load';
import { IMAGE_DIGESTS_CONTEXT, ImageDigestsFile } from '../../infra/constructs/images/image-digests';
import { DIGEST_UNKNOWN, KNOWN_DIGESTS } from '../../infra/constructs/images/pinned-images';
import { COLLECTOR_IMAGE } from '../../infra/constructs/telemetry-sidecar';
import { buildSaring, saringApp } from '../../infra/saring';
import { freePort } from '../../lib/ports';
import { ensureCrane } from '../../toolchain/crane';
import { REPO_ROOT } from '../../toolchain/paths';
import { CONCERNS, resourcesOfType, SELECTIONS, synthesize } from '../support/infra/synth';

const run = promisify(execFile);

let workDir = '';
beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'saring-image-digests-'));
});
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

function digestFile(name: string, content: unknown): string {
  const file = path.join(workDir, name);
  fs.writeFileSync(file, JSON.stringify(content));
  return file;
}

function appWith(context: Record<string, string>) {
  return saringApp({
    outdir: fs.mkdtempSync(path.join(workDir, 'out-')),
    analyticsReporting: false,
    context,
  });
}

describe('images by digest (issue 11, defect 11)', () => {
  it('prod refuses to synthesize while any image is named by tag alone, naming each one and the way out', () => {
    const app = appWith({});
    buildSaring(app, loadEnvironmentConfig(SELECTIONS.prodSelfHosted));
    let message = '';
    try {
      app.synth();
    } catch (error) {
      message = (error as Error).message;
    }
    for (const reference of DIGEST_UNKNOWN) expect(message).toContain(`${reference} is pinned by tag only`);
    expect(message).toContain(`-c ${IMAGE_DIGESTS_CONTEXT}=`);
    expect(message).toContain('npm run images:resolve');
  }, 120_000);

  it('a resolved digest that contradicts a reviewed one stops the build: the tag was re-pushed upstream', () => {
    const collector = `${COLLECTOR_IMAGE.repository}:${COLLECTOR_IMAGE.tag}`;
    const moved = `sha256:${'0'.repeat(64)}`;
    expect(KNOWN_DIGESTS[collector]?.digest).not.toBe(moved);
    const file = digestFile('moved.json', {
      resolvedAt: new Date().toISOString(),
      resolvedWith: 'crane v0.22.1',
      digests: { [collector]: moved },
    });
    const app = appWith({ [IMAGE_DIGESTS_CONTEXT]: file });
    expect(() => buildSaring(app, loadEnvironmentConfig(SELECTIONS.devSelfHosted))).toThrow(
      `${collector}: the registry now answers ${moved}, not the reviewed ${KNOWN_DIGESTS[collector]!.digest}`,
    );
  });

  it.each([
    [
      'a truncated digest',
      { 'temporalio/server:1.29.1': 'sha256:abc' },
      'a digest: sha256 and 64 hex digits',
    ],
    ['a reference without a tag', { 'temporalio/server': `sha256:${'a'.repeat(64)}` }, 'repository:tag'],
  ])('a digest file with %s is refused, saying how to write it again', (_label, digests, reason) => {
    const file = digestFile('damaged.json', {
      resolvedAt: new Date().toISOString(),
      resolvedWith: 'x',
      digests,
    });
    const app = appWith({ [IMAGE_DIGESTS_CONTEXT]: file });
    expect(() => buildSaring(app, loadEnvironmentConfig(SELECTIONS.devSelfHosted))).toThrow(
      new RegExp(`not valid: [^]*${reason}[^]*npm run images:resolve`),
    );
  });

  it('a missing digest file is refused, saying how to write it', () => {
    const app = appWith({ [IMAGE_DIGESTS_CONTEXT]: path.join(workDir, 'absent.json') });
    expect(() => buildSaring(app, loadEnvironmentConfig(SELECTIONS.devSelfHosted))).toThrow(
      /Cannot read the image digests .*absent\.json[^]*npm run images:resolve -- --out/,
    );
  });
});

describe('npm run images:resolve against a real registry (crane registry serve)', () => {
  let crane = '';
  let registry: ChildProcess | undefined;
  let host = '';

  /** A real registry (go-containerregistry's, in memory) on a free port, answering before this returns. */
  async function startRegistry(): Promise<{ host: string; process: ChildProcess }> {
    const address = `127.0.0.1:${await freePort()}`;
    const child = spawn(crane, ['registry', 'serve', '--address', address], { stdio: 'ignore' });
    for (let attempt = 0; attempt < 100; attempt++) {
      const answer = await fetch(`http://${address}/v2/`).catch(() => undefined);
      if (answer?.ok) return { host: address, process: child };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    child.kill();
    throw new Error(`crane registry serve did not answer on ${address}`);
  }

  /** Runs the shipped command, `npm run images:resolve`'s script, with Docker Hub's images served by `host`. */
  function resolveFrom(registryHost: string, out: string) {
    return run(
      'npx',
      [
        'tsx',
        'infra/images/resolve-main.ts',
        '--out',
        out,
        '--crane',
        crane,
        '--registry',
        `docker-hub=${registryHost}`,
        '--insecure',
      ],
      { cwd: REPO_ROOT },
    );
  }

  beforeAll(async () => {
    crane = (await ensureCrane()).path;
    ({ host, process: registry } = await startRegistry());
  }, 600_000);
  afterAll(() => registry?.kill());

  /** Pushes a one-layer image (or an index over one, as multi-arch tags are) and returns the digest crane pushed. */
  async function push(reference: string, asIndex: boolean): Promise<string> {
    const layerDir = fs.mkdtempSync(path.join(workDir, 'layer-'));
    fs.writeFileSync(path.join(layerDir, 'content'), reference);
    const layer = path.join(layerDir, 'layer.tar');
    await run('tar', ['-C', layerDir, '-cf', layer, 'content']);
    const image = `${host}/${reference}${asIndex ? '-single' : ''}`;
    const { stdout } = await run(crane, ['append', '-f', layer, '-t', image, '--insecure']);
    if (!asIndex) return stdout.trim().split('@')[1]!;
    const index = await run(crane, [
      'index',
      'append',
      '-m',
      image,
      '-t',
      `${host}/${reference}`,
      '--insecure',
    ]);
    return index.stdout.trim().split('@')[1]!;
  }

  it('writes the digest each tag points to (the index for a multi-arch tag), and prod synthesizes with exactly those', async () => {
    const pushed = new Map<string, string>();
    for (const [i, reference] of DIGEST_UNKNOWN.entries())
      pushed.set(reference, await push(reference, i === 0));

    const out = path.join(workDir, 'image-digests.json');
    const { stdout } = await resolveFrom(host, out);
    expect(stdout).toContain(`${DIGEST_UNKNOWN.length} image(s) of dev, prod without a reviewed digest`);
    const written = ImageDigestsFile.parse(JSON.parse(fs.readFileSync(out, 'utf8')));
    expect(written.digests).toEqual(Object.fromEntries(pushed));
    expect(written.resolvedWith).toMatch(/^crane v\d/);

    const synth = synthesize(SELECTIONS.prodSelfHosted, fs.mkdtempSync(path.join(workDir, 'prod-')), {
      imageDigests: out,
    });
    const images = CONCERNS.flatMap((concern) =>
      resourcesOfType(synth.json(concern), 'AWS::ECS::TaskDefinition').flatMap(([, td]) =>
        (td.Properties?.ContainerDefinitions as { Image: unknown }[]).map((c) => JSON.stringify(c.Image)),
      ),
    ).filter((image) => image.includes('temporalio/'));
    expect(images.length).toBeGreaterThanOrEqual(6);
    for (const image of images) {
      const [, repository, digest] = /(temporalio\/[a-z-]+)@(sha256:[0-9a-f]{64})/.exec(image) ?? [];
      const reference = DIGEST_UNKNOWN.find((r) => r.startsWith(`${repository}:`));
      expect({ image, digest }).toEqual({ image, digest: pushed.get(reference!) });
    }
  }, 600_000);

  it('an image the registry does not hold fails the run with what to check, and writes nothing', async () => {
    const empty = await startRegistry();
    try {
      const out = path.join(workDir, 'never.json');
      const failure = await resolveFrom(empty.host, out).then(
        () => undefined,
        (error: { code?: number; stderr?: string }) => error,
      );
      expect(failure?.code).toBe(1);
      expect(failure?.stderr).toMatch(/Cannot resolve 127\.0\.0\.1:\d+\/temporalio\/[a-z-]+:[\w.-]+: /);
      expect(failure?.stderr).toContain('Check that the tag exists upstream');
      expect(fs.existsSync(out)).toBe(false);
    } finally {
      empty.process.kill();
    }
  }, 120_000);
});
