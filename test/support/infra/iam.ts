import { type CfnTemplate, resourcesOfType } from './synth';

export interface Permission {
  readonly policy: string;
  readonly effect: string;
  readonly action: string;
  /** A literal ARN, '*', or the JSON of an intrinsic (Ref, GetAtt, ImportValue...). */
  readonly resource: string;
  readonly condition?: unknown;
}

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource?: unknown;
  Condition?: unknown;
}

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Every (action, resource) pair granted by the identity policies of a template (AWS::IAM::Policy and inline role policies). */
export function permissionsOf(template: CfnTemplate): Permission[] {
  const documents: [string, { Statement: Statement[] }][] = [];
  for (const [id, p] of resourcesOfType(template, 'AWS::IAM::Policy')) {
    documents.push([id, p.Properties?.PolicyDocument as { Statement: Statement[] }]);
  }
  for (const [id, r] of resourcesOfType(template, 'AWS::IAM::Role')) {
    for (const inline of (r.Properties?.Policies as
      { PolicyDocument: { Statement: Statement[] } }[] | undefined) ?? []) {
      documents.push([id, inline.PolicyDocument]);
    }
  }
  return documents.flatMap(([policy, doc]) =>
    doc.Statement.flatMap((s) =>
      list(s.Action).flatMap((action) =>
        list(s.Resource).map((r) => ({
          policy,
          effect: s.Effect,
          action,
          resource: typeof r === 'string' ? r : JSON.stringify(r),
          condition: s.Condition,
        })),
      ),
    ),
  );
}

/** "action on resource" strings of one policy, for readable set comparisons. */
export function grantsOf(template: CfnTemplate, policyPrefix: string, service: string): string[] {
  return permissionsOf(template)
    .filter(
      (p) => p.policy.startsWith(policyPrefix) && p.effect === 'Allow' && p.action.startsWith(`${service}:`),
    )
    .map((p) => `${p.action} on ${p.resource}`)
    .sort();
}
