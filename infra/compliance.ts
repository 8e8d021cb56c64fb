import { CfnResource, Validations } from 'aws-cdk-lib';
import { type IConstruct } from 'constructs';

/** A rule that does not apply here, and why. Every exception in this app goes through these helpers. */
export interface Exception {
  readonly id: string;
  readonly reason: string;
}

function cfnOf(construct: IConstruct): CfnResource {
  if (CfnResource.isCfnResource(construct)) return construct;
  const child = construct.node.defaultChild;
  if (child && CfnResource.isCfnResource(child)) return child;
  throw new Error(`${construct.node.path} has no CloudFormation resource to annotate`);
}

/**
 * Acknowledges validation-plugin rules (cdk-nag 3.x `AwsSolutions-*`, the built-in `CloudFormation-Validate::*`)
 * on the construct and everything below it.
 */
export function acknowledge(construct: IConstruct, ...exceptions: Exception[]): void {
  Validations.of(construct).acknowledge(...exceptions.map(({ id, reason }) => ({ id, reason })));
}

/** checkov: writes Metadata.checkov.skip on the resource, reason as the skip comment. */
export function skipCheckov(construct: IConstruct, ...exceptions: Exception[]): void {
  const resource = cfnOf(construct);
  const existing =
    (resource.getMetadata('checkov') as { skip?: { id: string; comment: string }[] } | undefined)?.skip ?? [];
  resource.addMetadata('checkov', {
    skip: [...existing, ...exceptions.map(({ id, reason }) => ({ id, comment: reason }))],
  });
}

/**
 * cfn-lint: writes Metadata.cfn-lint.config.ignore_checks on the resource. cfn-lint has no field for a reason,
 * so the reason is also kept as Metadata.cfn-lint-reasons next to it.
 */
export function ignoreCfnLint(construct: IConstruct, ...exceptions: Exception[]): void {
  const resource = cfnOf(construct);
  const existing =
    (resource.getMetadata('cfn-lint') as { config?: { ignore_checks?: string[] } } | undefined)?.config
      ?.ignore_checks ?? [];
  const reasons = (resource.getMetadata('cfn-lint-reasons') as Record<string, string> | undefined) ?? {};
  resource.addMetadata('cfn-lint', {
    config: { ignore_checks: [...existing, ...exceptions.map((e) => e.id)] },
  });
  resource.addMetadata('cfn-lint-reasons', {
    ...reasons,
    ...Object.fromEntries(exceptions.map((e) => [e.id, e.reason])),
  });
}
