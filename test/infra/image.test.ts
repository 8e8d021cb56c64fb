import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { FargateTaskDefinition } from 'aws-cdk-lib/aws-ecs';
import { appImage, ENTRYPOINTS, IMAGE_CONTEXT_EXCLUDES, REPO_ROOT } from '../../infra/image';

const dockerfile = fs.readFileSync(path.join(REPO_ROOT, 'Dockerfile'), 'utf8');
const dockerignore = fs
  .readFileSync(path.join(REPO_ROOT, '.dockerignore'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));

/** Instructions of the Dockerfile, comments and blank lines dropped. */
const instructions = dockerfile
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));

describe('Dockerfile', () => {
  it('pins the Node 20 base image by exact version or digest, never a floating tag', () => {
    const image = /^ARG NODE_IMAGE=(.+)$/m.exec(dockerfile)?.[1];
    expect(image).toMatch(
      /^node:20\.\d+\.\d+-[a-z]+(-slim)?(@sha256:[0-9a-f]{64})?$|^node@sha256:[0-9a-f]{64}$/,
    );
    const froms = instructions.filter((l) => l.startsWith('FROM '));
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const from of froms) expect(from).toMatch(/^FROM \$\{NODE_IMAGE\} AS \w+$/);
  });

  it('is multi-stage: production dependencies from the lock file, then a runtime stage', () => {
    expect(instructions).toContain('FROM ${NODE_IMAGE} AS deps');
    expect(instructions.some((l) => /^RUN npm ci --omit=dev/.test(l))).toBe(true);
    expect(instructions).toContain('FROM ${NODE_IMAGE} AS runtime');
    expect(instructions).toContain('COPY --from=deps /app/node_modules ./node_modules');
  });

  it('runs as the unprivileged node user, stops on SIGTERM, and picks the entry file by command', () => {
    const runtime = instructions.slice(instructions.indexOf('FROM ${NODE_IMAGE} AS runtime'));
    const users = runtime.filter((l) => l.startsWith('USER '));
    expect(users).toEqual(['USER node']);
    expect(runtime).toContain('STOPSIGNAL SIGTERM');
    expect(runtime).toContain('ENTRYPOINT ["node", "--import", "tsx"]');
    expect(runtime).toContain(`CMD ["${ENTRYPOINTS.worker}"]`);
  });
});

describe('build context', () => {
  it('.dockerignore and the CDK asset exclude the same entries, dependencies and tooling among them', () => {
    expect([...dockerignore].sort()).toEqual([...IMAGE_CONTEXT_EXCLUDES].sort());
    for (const entry of ['node_modules', '.toolchain', '.data', 'cdk.out', '.git'])
      expect(dockerignore).toContain(entry);
  });

  it('stages only source at synth: no dependencies, tooling, data or git history', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'saring-image-'));
    try {
      const app = new App({ outdir });
      const stack = new Stack(app, 'ImageOnly', {
        env: { account: '111111111111', region: 'ap-southeast-3' },
      });
      new FargateTaskDefinition(stack, 'Task').addContainer('app', {
        image: appImage(),
        memoryLimitMiB: 512,
      });
      app.synth();
      const staged = fs
        .readdirSync(outdir)
        .filter((d) => d.startsWith('asset.'))
        .map((d) => path.join(outdir, d));
      expect(staged).toHaveLength(1);
      const context = staged[0]!;
      for (const excluded of [
        'node_modules',
        '.toolchain',
        '.data',
        'cdk.out',
        '.git',
        'test',
        'infra/app.ts',
      ]) {
        expect({ excluded, present: fs.existsSync(path.join(context, excluded)) }).toEqual({
          excluded,
          present: false,
        });
      }
      for (const needed of [
        'Dockerfile',
        'package.json',
        'package-lock.json',
        'config/metrics.ts',
        'config/runtime-env.ts',
      ]) {
        expect({ needed, present: fs.existsSync(path.join(context, needed)) }).toEqual({
          needed,
          present: true,
        });
      }
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
