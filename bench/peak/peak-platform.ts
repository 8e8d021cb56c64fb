import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { isPortFree } from '../../local/port-check';
import { stopOnSignal } from './stop-on-signal';
import { LOCAL_OIDC_CLIENTS } from '../../local/oidc/oidc-clients';
import { readOidcUsers } from '../../local/oidc/oidc-users';
import { machineClientToken } from '../../local/oidc/machine-token';
import { signInWithPassword } from '../../test/support/oidc/sign-in-by-form';

const repoRoot = path.resolve(__dirname, '../..');

/** The local platform of `npm start` (supervised worker, API, simulators), run by the bench on ports of its own. */
export interface PeakPlatform {
  dataDir: string;
  apiUrl: string;
  temporalAddress: string;
  ports: { temporal: number; s3: number };
  simulatorBase: string;
  /** Base URL of each simulator's HTTP API (each serves GET /_log). */
  simulators: { platform: string; police: string; publishing: string; webhook: string; smtpApi: string };
  /** Current pid of a supervised service, from the start command's own announcements. */
  pidOf(service: 'worker' | 'api' | 'simulators' | 'temporal'): number;
  /** What the start command has printed so far (restarts are announced there). */
  output(): string;
  officerToken(officerId: string): Promise<string>;
  crawlerToken(): Promise<string>;
  stop(): Promise<void>;
}

async function freePortBlock(size: number): Promise<number> {
  // Below the ephemeral range (32768+), so no outgoing connection takes a port between the services' starts.
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const base = 20_000 + Math.floor(Math.random() * 12_000);
    const ports = Array.from({ length: size }, (_, i) => base + i);
    if ((await Promise.all(ports.map(isPortFree))).every(Boolean)) return base;
  }
  throw new Error('no free block of 12 ports between 20000 and 32000: stop some local servers and try again');
}

/**
 * Runs `local/start.ts` (the README's start command) with its data in `dataDir`, the bench policy for new
 * cases and a prebuilt workflow bundle, and waits until it says it is running.
 */
export async function startPeakPlatform(options: {
  dataDir: string;
  policyFile: string;
  workflowBundle: string;
  complyAfterMs: number;
  say: (line: string) => void;
}): Promise<PeakPlatform> {
  const base = await freePortBlock(12);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SARING_DATA_DIR: options.dataDir,
    SARING_TEMPORAL_PORT: String(base),
    SARING_TEMPORAL_UI_PORT: String(base + 1),
    SARING_S3_PORT: String(base + 2),
    SARING_API_PORT: String(base + 3),
    SARING_SMTP_PORT: String(base + 4),
    SARING_SIMULATOR_PORT: String(base + 5),
    SARING_OIDC_PORT: String(base + 11),
    SARING_SAMPLES: 'false',
    SARING_POLICY_FILE: options.policyFile,
    SARING_WORKFLOW_BUNDLE: options.workflowBundle,
    SARING_SIM_COMPLY_AFTER_MS: String(options.complyAfterMs),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const take = (chunk: Buffer) => {
    const part = chunk.toString();
    text += part;
    for (const line of part.split('\n'))
      if (/restarting in|is back|unusable|\[\d\/6\]/.test(line)) options.say(`  platform: ${line.trim()}`);
  };
  child.stdout!.on('data', take);
  child.stderr!.on('data', take);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A kill of the bench while the platform starts (before the bench's own handler exists) stops it too.
  const uninstall = stopOnSignal(
    'the platform while it starts',
    () => {
      child.kill('SIGINT');
      return exited;
    },
    options.say,
  );
  try {
    const deadline = Date.now() + 300_000;
    while (!text.includes('Saring is running')) {
      if (child.exitCode !== null)
        throw new Error(`the local platform exited with ${child.exitCode}:\n${text}`);
      if (Date.now() > deadline) {
        child.kill('SIGINT');
        throw new Error(
          `the local platform did not come up in 5 minutes; its logs are in ${options.dataDir}/logs:\n${text}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    uninstall();
  }
  const oidcIssuer = `http://127.0.0.1:${base + 11}`;
  const http = (port: number) => `http://127.0.0.1:${port}`;
  const tokens = new Map<string, { token: string; until: number }>();
  const cached = async (key: string, get: () => Promise<string>) => {
    const known = tokens.get(key);
    if (known && known.until > Date.now()) return known.token;
    const token = await get();
    // Local access tokens live an hour or more; take a new one well before.
    tokens.set(key, { token, until: Date.now() + 20 * 60_000 });
    return token;
  };
  return {
    dataDir: options.dataDir,
    apiUrl: http(base + 3),
    temporalAddress: `127.0.0.1:${base}`,
    ports: { temporal: base, s3: base + 2 },
    simulatorBase: http(base + 5),
    simulators: {
      platform: http(base + 5),
      police: http(base + 6),
      publishing: http(base + 7),
      webhook: http(base + 8),
      smtpApi: http(base + 9),
    },
    pidOf(service) {
      const matches = [...text.matchAll(new RegExp(`${service} (?:running|is back) \\(pid (\\d+)`, 'g'))];
      const pid = Number(matches.at(-1)?.[1]);
      if (!pid) throw new Error(`the start command has not announced the ${service}'s pid`);
      return pid;
    },
    output: () => text,
    officerToken: (officerId) =>
      cached(officerId, async () => {
        const users = readOidcUsers(path.join(options.dataDir, 'oidc', 'users.json'));
        const officer = users.find((user) => user.username === officerId);
        if (!officer) throw new Error(`no local officer ${officerId}`);
        const answer = await signInWithPassword(
          oidcIssuer,
          LOCAL_OIDC_CLIENTS.cli,
          'http://localhost:1/callback',
          officer,
        );
        return answer.access_token;
      }),
    crawlerToken: () =>
      cached('crawler', () => machineClientToken(oidcIssuer, path.join(options.dataDir, 'oidc'), 'crawler')),
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
