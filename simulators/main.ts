import { z } from 'zod';
import { startSimulators } from './start-simulators';

const Port = z.coerce.number().int().min(0).max(65_535);

/** Ports and host, from `--platform-port=8101`-style arguments or SARING_SIM_* environment variables. */
const SimulatorArgs = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  platformPort: Port.default(0),
  policePort: Port.default(0),
  publishingPort: Port.default(0),
  webhookPort: Port.default(0),
  smtpPort: Port.default(0),
  smtpApiPort: Port.default(0),
  complyAfterMs: z.coerce.number().int().nonnegative().default(5_000),
});

function readArgs(argv: string[], env: NodeJS.ProcessEnv): unknown {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(SimulatorArgs.shape)) {
    const envName = `SARING_SIM_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
    if (env[envName] !== undefined) raw[key] = env[envName];
  }
  for (const arg of argv) {
    const match = /^--([a-z-]+)=(.*)$/.exec(arg);
    if (!match?.[1] || match[2] === undefined)
      throw new Error(`unexpected argument ${arg} (use --name=value)`);
    raw[match[1].replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase())] = match[2];
  }
  return raw;
}

async function main(): Promise<void> {
  const parsed = SimulatorArgs.strict().safeParse(readArgs(process.argv.slice(2), process.env));
  if (!parsed.success) {
    console.error(`Bad simulator arguments:\n${z.prettifyError(parsed.error)}`);
    process.exit(2);
  }
  const args = parsed.data;
  const simulators = await startSimulators({
    host: args.host,
    ports: {
      platform: args.platformPort,
      police: args.policePort,
      publishing: args.publishingPort,
      webhook: args.webhookPort,
      smtp: args.smtpPort,
      smtpApi: args.smtpApiPort,
    },
    platform: { complyAfterMs: args.complyAfterMs },
  });
  // First line is machine-readable for the local start command; the rest is for people.
  console.log(JSON.stringify(simulators.urls));
  for (const [name, url] of Object.entries(simulators.urls)) console.log(`${name.padEnd(20)} ${url}`);
  const shutdown = () => {
    void simulators.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
