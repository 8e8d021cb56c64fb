import { z } from 'zod';
import { CASE_UPDATE_NAMES, CASE_UPDATE_SCHEMAS, CaseUpdateResult, type CaseUpdateName } from '../../domain';
import { caseStepRule } from '../access';
import type { ApiDeps } from '../api-deps';
import { officerGuard, officerOf } from '../officer-guard';
import { BEARER } from '../openapi';
import { CaseIdParams, CaseStateBody, withErrors } from '../route-schemas';
import type { ZodApp } from '../server';
import { refuseActor } from './refuse-actor';
import { PreferHeader } from '../prefer-header';

/** A step's payload as callers send it: the domain schema without `actor` (still strict: unknown fields refused). */
function stepBody(name: CaseUpdateName): z.ZodObject {
  return (CASE_UPDATE_SCHEMAS[name] as unknown as z.ZodObject).omit({ actor: true });
}

/** Temporal's update id for the step: a retry with the same key on the same case runs it once. */
export const IdempotencyKey = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,128}$/, '1-128 characters of A-Z a-z 0-9 . _ : -')
  .meta({
    description:
      'Optional. The same key from the same officer on the same case runs the step once: a retry answers with the first outcome (it becomes the Temporal update id).',
  });

const StepHeaders = z.looseObject({
  'idempotency-key': IdempotencyKey.optional(),
  prefer: PreferHeader.optional(),
});

const StepAnswer = z.union([CaseStateBody, CaseUpdateResult.meta({ id: 'CaseUpdateResult' })]);

/**
 * One route per officer step (POST /api/cases/:caseId/actions/<step>), each with its own body schema,
 * so the OpenAPI document describes every step's payload. An unknown step is the 404 handler's
 * (api/error-handler.ts). The answer is the case state after the step, or with `Prefer: return=minimal`
 * only what the step changed.
 */
export function registerStepRoutes(app: ZodApp, deps: ApiDeps): void {
  for (const name of CASE_UPDATE_NAMES) {
    app.post(
      `/api/cases/:caseId/actions/${name}`,
      {
        onRequest: officerGuard(deps, caseStepRule(name)),
        preValidation: refuseActor,
        config: { inputs: { body: `${name} payload` } },
        schema: {
          summary: `Case step ${name}`,
          description: `Runs ${name} as a Temporal update; the workflow's validator refuses it (403/409/400, nothing changed) when the role, stage or payload does not fit.`,
          tags: ['case steps'],
          security: BEARER,
          params: CaseIdParams,
          headers: StepHeaders,
          body: stepBody(name),
          response: withErrors({ 200: StepAnswer }),
        },
      },
      async (request, reply) => {
        const officer = officerOf(request);
        const key = request.headers['idempotency-key'];
        const payload = { ...request.body, actor: { officerId: officer.officerId, role: officer.role } };
        // Scoped to the officer: another officer's key can never answer for this one's step.
        const options = key ? { updateId: `${officer.officerId}/${key}` } : {};
        if (request.headers.prefer?.return === 'minimal') {
          void reply.header('Preference-Applied', 'return=minimal');
          return deps.cases.update(request.params.caseId, name, payload, options);
        }
        // The update itself answers with a small result (history budget); callers get the state after it.
        return deps.cases.updateAndRead(request.params.caseId, name, payload, options);
      },
    );
  }
}
