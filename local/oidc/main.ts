/**
 * The local OpenID provider as its own process (`npm start` and the tests run it):
 *   tsx local/oidc/main.ts --data-dir=DIR [--port=N] [--access-token-ttl=SECONDS]
 *     [--console-origins=http://127.0.0.1:8080,...]
 * DIR holds users.json (required), and the signing key and machine secrets it creates on first start.
 * Prints `oidc provider listening on ISSUER` when ready.
 */
import path from 'node:path';
import { z } from 'zod';
import { readOidcUsers } from './oidc-users';
import { ensureSigningKey } from './signing-key';
import { ensureMachineSecrets } from './machine-clients';
import { startLocalOidcProvider } from './oidc-server';

const Args = z.object({
  'data-dir': z.string().min(1),
  port: z.coerce.number().int().min(0).max(65535).default(0),
  'access-token-ttl': z.coerce.number().int().min(1).max(86_400).default(900),
  /** Comma-separated origins the console is served from. */
  'console-origins': z
    .string()
    .default('http://127.0.0.1:8080')
    .transform((list) => list.split(','))
    .pipe(z.array(z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/$/, ''))).min(1)),
});

async function main(): Promise<void> {
  const raw: Record<string, string> = Object.fromEntries(
    process.argv.slice(2).map((arg) => {
      const match = /^--([a-z-]+)=(.*)$/.exec(arg);
      if (!match)
        throw new Error(
          `Unexpected argument ${arg}: use --data-dir=DIR [--port=N] [--access-token-ttl=S] [--console-origins=URL,URL]`,
        );
      return [match[1]!, match[2]!];
    }),
  );
  const parsed = Args.safeParse(raw);
  if (!parsed.success)
    throw new Error(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
  const args = parsed.data;
  const dir = args['data-dir'];
  const provider = await startLocalOidcProvider({
    host: '127.0.0.1',
    port: args.port,
    users: readOidcUsers(path.join(dir, 'users.json')),
    signingKey: ensureSigningKey(path.join(dir, 'signing-key.json')),
    machineSecrets: ensureMachineSecrets(path.join(dir, 'machine-secrets.json')),
    accessTokenTtlSeconds: args['access-token-ttl'],
    consoleOrigins: args['console-origins'],
    log: (event) => console.log(JSON.stringify({ service: 'oidc', at: new Date().toISOString(), ...event })),
  });
  console.log(`oidc provider listening on ${provider.issuer}`);
  const stop = () => void provider.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`oidc provider failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
