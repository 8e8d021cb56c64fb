import { CASE_OFFICER_ROLES, CASE_READER_ROLES, HISTORY_ROLES, OPS_ROLES, requireRole } from '../access';
import type { ApiDeps } from '../api-deps';
import { authenticate } from '../auth';
import { NOTE_ROLES } from '../../domain';
import { sendJson, type Router } from '../http-kit';

const startedAt = new Date().toISOString();

export function registerMetaRoutes(router: Router, deps: ApiDeps): void {
  router.on('GET', '/healthz', async (_req, res) => {
    try {
      await deps.cases.ping();
      sendJson(res, 200, { ok: true, temporal: 'reachable' });
    } catch {
      sendJson(res, 503, { ok: false, temporal: 'unreachable' });
    }
  });

  /** Who the token belongs to and what the console may offer them. */
  router.on('GET', '/api/me', async (req, res) => {
    const officer = authenticate(req, deps.officers);
    const has = (roles: readonly string[]) => roles.includes(officer.role);
    sendJson(res, 200, {
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
      },
    });
  });

  router.on('GET', '/api/admin/status', async (req, res) => {
    requireRole(authenticate(req, deps.officers), OPS_ROLES, 'read the platform status');
    const temporal = await deps.cases.ping().then(
      () => 'reachable',
      (error: unknown) => `unreachable: ${error instanceof Error ? error.message : String(error)}`,
    );
    sendJson(res, 200, {
      startedAt,
      uptimeSeconds: Math.round(process.uptime()),
      node: process.version,
      temporal,
    });
  });

  router.on('GET', '/api/admin/officers', async (req, res) => {
    requireRole(authenticate(req, deps.officers), OPS_ROLES, 'list officers');
    sendJson(res, 200, { officers: deps.officers.list() });
  });
}
