import { z } from 'zod';
import { LOCAL_OIDC_CLIENTS } from '../local/oidc/oidc-clients';
import { type CfnTemplate } from './templates';

/**
 * Cognito assigns an app client's id when it creates the client; the rehearsal's stand-in for Cognito (the local
 * OIDC provider) has fixed ids for the same clients. This maps a UserPoolClient's `Ref` to the local id by the
 * client name the template gives, so the API's SARING_OIDC_*_CLIENT_ID(S) name clients the provider knows.
 */
const LOCAL_ID_BY_CLIENT_NAME: Readonly<Record<string, string>> = {
  console: LOCAL_OIDC_CLIENTS.console,
  cli: LOCAL_OIDC_CLIENTS.cli,
  'machine-crawler': LOCAL_OIDC_CLIENTS.crawler,
  'machine-partner': LOCAL_OIDC_CLIENTS.partner,
};

export function userPoolClientId(resource: CfnTemplate['Resources'][string]): string | undefined {
  if (resource.Type !== 'AWS::Cognito::UserPoolClient') return undefined;
  const name = z.object({ ClientName: z.string() }).loose().parse(resource.Properties).ClientName;
  return LOCAL_ID_BY_CLIENT_NAME[name];
}
