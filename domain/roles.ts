import { z } from 'zod';

/**
 * Who may do what. Officer roles are the Cognito groups (and the local provider's groups); admin operates
 * the platform but takes no case decisions; auditor reads everything and changes nothing. Machine roles
 * belong to client-credentials clients (a saring/<role> scope) and may only submit detections.
 */
export const OFFICER_ROLES = [
  'verifier',
  'supervisor',
  'police_liaison',
  'public_relations',
  'auditor',
  'admin',
] as const;
export const MACHINE_ROLES = ['crawler', 'partner'] as const;
export const ROLES = [...OFFICER_ROLES, ...MACHINE_ROLES] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Officer ids are short, stable handles (e.g. "siti.verifier"), never display names. */
export const OfficerId = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]{1,62}$/,
    'an officer id is 2-63 lowercase letters, digits, dot, dash or underscore',
  );

export const Actor = z.object({ officerId: OfficerId, role: Role });
export type Actor = z.infer<typeof Actor>;
