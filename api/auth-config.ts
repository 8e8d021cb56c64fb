import { z } from 'zod';

const ClientId = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,128}$/, 'a client id: letters, digits, dot, dash, underscore');

/**
 * Who signs tokens and for which clients (Cognito in the cloud, local/oidc/ locally). The console and
 * CLI clients carry officers (role from one group); machine clients carry a machine role (from a scope).
 */
export const OidcAuthConfig = z.object({
  /** e.g. https://cognito-idp.ap-southeast-3.amazonaws.com/<poolId>, or http://127.0.0.1:8090 locally. */
  issuer: z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/$/, '')),
  consoleClientId: ClientId,
  cliClientId: ClientId,
  machineClientIds: z.array(ClientId).default([]),
});
export type OidcAuthConfig = z.infer<typeof OidcAuthConfig>;
