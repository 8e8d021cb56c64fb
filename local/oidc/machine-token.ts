import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { MachineSecrets } from './machine-clients';
import { LOCAL_OIDC_CLIENTS } from './oidc-clients';

const TokenAnswer = z.object({ access_token: z.string().min(1) }).loose();

/**
 * An access token for the crawler or partner machine client of a local OIDC provider (client credentials,
 * its saring/<machine> scope), with the secret the provider keeps in its data directory.
 */
export async function machineClientToken(
  issuer: string,
  oidcDataDir: string,
  machine: keyof MachineSecrets,
): Promise<string> {
  const secretsFile = path.join(oidcDataDir, 'machine-secrets.json');
  const secrets = MachineSecrets.parse(JSON.parse(fs.readFileSync(secretsFile, 'utf8')));
  const response = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${LOCAL_OIDC_CLIENTS[machine]}:${secrets[machine]}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: `saring/${machine}` }).toString(),
  });
  const body: unknown = await response.json().catch(() => undefined);
  const answer = TokenAnswer.safeParse(body);
  if (!response.ok || !answer.success)
    throw new Error(
      `client credentials for ${machine} at ${issuer}: ${response.status} ${JSON.stringify(body)}`,
    );
  return answer.data.access_token;
}
