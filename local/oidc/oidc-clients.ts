/**
 * The local provider's clients, named like the Cognito app clients infra creates. Loopback redirect
 * URIs match on any port (RFC 8252), so the console works whatever port the API listens on.
 */
export const LOCAL_OIDC_CLIENTS = {
  console: 'saring-console',
  cli: 'saring-cli',
  crawler: 'saring-crawler',
  partner: 'saring-partner',
} as const;

/** The API as a resource server; its scopes say which machine role a client-credentials token has. */
export const API_RESOURCE = 'https://api.saring.local';
export const MACHINE_SCOPES = { crawler: 'saring/crawler', partner: 'saring/partner' } as const;
export const OFFICER_SCOPE = 'saring/officer';

export const CONSOLE_CALLBACK_PATH = '/auth/callback';
/** The CLI's loopback redirects (any port locally; Cognito registers localhost on SARING_CLI_CALLBACK_PORT). */
export const CLI_CALLBACKS = ['http://localhost/callback', 'http://127.0.0.1/callback'];
