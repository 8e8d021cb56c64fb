import { PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { type IConstruct } from 'constructs';
import { acknowledge } from '../compliance';
import { METRICS_NAMESPACE } from '../../config/metrics';

/** PutMetricData has no resource-level permissions; the namespace condition is the only scoping IAM offers. */
export function grantMetricPublishing(grantee: IGrantable, policyOwner: IConstruct): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: ['cloudwatch:PutMetricData'],
      resources: ['*'],
      conditions: { StringEquals: { 'cloudwatch:namespace': METRICS_NAMESPACE } },
    }),
  );
  acknowledge(policyOwner, {
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason: `cloudwatch:PutMetricData supports no resource ARNs; it is limited to the ${METRICS_NAMESPACE} namespace by condition.`,
  });
}
