import { z } from 'zod';
import { NOTE_ROLES, OfficerId, Role } from '../../domain';
import { CASE_OFFICER_ROLES, CASE_READER_ROLES, HISTORY_ROLES, OPS_ROLES, REPORT_ROLES } from '../access';
import type { ApiDeps } from '../api-deps';
import { officerGuard, officerOf } from '../officer-guard';
import { BEARER, OPENAPI_PATH, OpenApiDocument, PUBLIC } from '../openapi';
import { withErrors } from '../route-schemas';
import type { ZodApp } from '../server';

const startedAt = new Date().toISOString();

const MeBody = z.object({
  officerId: OfficerId,
  name: z.string(),
  role: Role,
  can: z.object({
    readCases: z.boolean(),
    takeCaseSteps: z.boolean(),
    submitDetections: z.boolean(),
    addNotes: z.boolean(),
    exportHistory: z.boolean(),
    operate: z.boolean(),
    readReports: z.boolean(),
  }),
});

export function registerMetaRoutes(app: ZodApp, deps: ApiDeps): void {
  const ops = (what: string) => officerGuard(deps, { roles: OPS_ROLES, what });

  // Liveness: the process serves requests. The load balancer and ECS watch this one, so a Temporal incident
  // never gets healthy API tasks replaced (they answer 503 with the reason while Temporal is away).
  app.get(
    '/healthz',
    {
      schema: {
        summary: 'Liveness: the API process is serving',
        tags: ['meta'],
        security: PUBLIC,
        response: withErrors({ 200: z.object({ ok: z.literal(true) }) }),
      },
    },
    async () => ({ ok: true as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        summary: 'Readiness: is Temporal reachable?',
        tags: ['meta'],
        security: PUBLIC,
        response: withErrors({
          200: z.object({ ok: z.literal(true), temporal: z.literal('reachable') }),
          503: z.object({ ok: z.literal(false), temporal: z.literal('unreachable') }),
        }),
      },
    },
    async (_request, reply) => {
      try {
        await deps.cases.ping();
        return reply.code(200).send({ ok: true, temporal: 'reachable' });
      } catch {
        return reply.code(503).send({ ok: false, temporal: 'unreachable' });
      }
    },
  );

  app.get(
    OPENAPI_PATH,
    {
      schema: {
        summary: 'This API described as OpenAPI 3.1 (rendered at /api/docs)',
        tags: ['meta'],
        security: PUBLIC,
        response: withErrors({ 200: OpenApiDocument }),
      },
    },
    async () => app.swagger() as unknown as z.infer<typeof OpenApiDocument>,
  );

  app.get(
    '/api/me',
    {
      onRequest: officerGuard(deps),
      schema: {
        summary: 'Who the token belongs to and what the console may offer them',
        tags: ['meta'],
        security: BEARER,
        response: withErrors({ 200: MeBody }),
      },
    },
    async (request) => {
      const officer = officerOf(request);
      const has = (roles: readonly string[]) => roles.includes(officer.role);
      return {
        officerId: officer.officerId,
        name: officer.name,
        role: officer.role,
        can: {
          readCases: has(CASE_READER_ROLES),
          takeCaseSteps: has(CASE_OFFICER_ROLES),
          submitDetections: has(CASE_OFFICER_ROLES),
          addNotes: has(NOTE_ROLES),
          exportHistory: has(HISTORY_ROLES),
          operate: has(OPS_ROLES),
          readReports: has(REPORT_ROLES),
        },
      };
    },
  );

  app.get(
    '/api/admin/status',
    {
      onRequest: ops('read the platform status'),
      schema: {
        summary: 'Platform status: uptime, Node version, Temporal reachability',
        tags: ['admin'],
        security: BEARER,
        response: withErrors({
          200: z.object({
            startedAt: z.string(),
            uptimeSeconds: z.number(),
            node: z.string(),
            temporal: z.string().meta({ description: '"reachable", or "unreachable: <why>"' }),
          }),
        }),
      },
    },
    async () => {
      const temporal = await deps.cases.ping().then(
        () => 'reachable',
        (error: unknown) => `unreachable: ${error instanceof Error ? error.message : String(error)}`,
      );
      return { startedAt, uptimeSeconds: Math.round(process.uptime()), node: process.version, temporal };
    },
  );
}
