import fs from 'node:fs';
import path from 'node:path';
import { CustomResource, Duration, Stack } from 'aws-cdk-lib';
import { type ISecurityGroup, type IVpc, type SubnetSelection } from 'aws-cdk-lib/aws-ec2';
import { type ICluster, type TaskDefinition } from 'aws-cdk-lib/aws-ecs';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { type IKey } from 'aws-cdk-lib/aws-kms';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { acknowledge, ignoreCfnLint, skipCheckov } from '../../compliance';
import { encryptedLogGroup } from '../encrypted-log-group';

export interface DeployTimeTasksProps {
  readonly cluster: ICluster;
  /** The cluster's literal name, so the task-ARN wildcard in the runner's policy is readable and fixed. */
  readonly clusterName: string;
  readonly vpc: IVpc;
  readonly subnets: SubnetSelection;
  readonly logKey: IKey;
  readonly logRetentionDays: number;
}

/**
 * Runs one-off Fargate tasks during deployments (schema setup/upgrade, namespace registration): each task runs
 * whenever its task definition changes (first deploy, server upgrade), the deployment waits for it, and a
 * non-zero exit fails and rolls back the deployment. Whatever depends on a run starts only after it succeeded.
 */
export class DeployTimeTasks extends Construct {
  private readonly role: Role;
  private readonly handler: LambdaFunction;
  private readonly props: DeployTimeTasksProps;

  constructor(scope: Construct, id: string, props: DeployTimeTasksProps) {
    super(scope, id);
    this.props = props;
    const stack = Stack.of(this);
    const logGroup = encryptedLogGroup(this, 'Logs', {
      encryptionKey: props.logKey,
      retentionDays: props.logRetentionDays,
    });

    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Runs one-off Temporal admin tasks during deployments',
    });
    logGroup.grantWrite(this.role);
    const taskArns = `arn:${stack.partition}:ecs:${stack.region}:${stack.account}:task/${props.clusterName}/*`;
    this.role.addToPolicy(new PolicyStatement({ actions: ['ecs:DescribeTasks'], resources: [taskArns] }));
    acknowledge(this.role, {
      id: `AwsSolutions-IAM5[Resource::${taskArns}]`,
      reason:
        'Task ids are unknown until RunTask returns; the wildcard is limited to tasks of this one cluster.',
    });

    this.handler = new LambdaFunction(this, 'Handler', {
      runtime: Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: Code.fromInline(fs.readFileSync(path.join(__dirname, 'run-task-handler', 'index.js'), 'utf8')),
      timeout: Duration.minutes(15),
      memorySize: 256,
      role: this.role,
      logGroup,
      description: 'CloudFormation custom resource: run one ECS task to completion',
    });
    ignoreCfnLint(this.handler, {
      id: 'W3005',
      reason:
        'CDK adds an explicit DependsOn on the role policy next to the GetAtt of the role; redundant, harmless.',
    });
    skipCheckov(
      this.handler,
      {
        id: 'CKV_AWS_115',
        reason:
          'Invoked a few times per deployment by CloudFormation; reserving concurrency would only take it from the account pool.',
      },
      {
        id: 'CKV_AWS_116',
        reason:
          'CloudFormation waits for the response and fails the deployment when none arrives; a DLQ adds nothing.',
      },
      {
        id: 'CKV_AWS_117',
        reason:
          'Calls only the ECS API and the CloudFormation response URL; it never touches the VPC or its data.',
      },
    );
  }

  /** Runs the task definition to completion on every deployment that changes it. */
  run(id: string, taskDefinition: TaskDefinition, securityGroup: ISecurityGroup): CustomResource {
    const { cluster, vpc, subnets } = this.props;
    this.role.addToPolicy(
      new PolicyStatement({
        actions: ['ecs:RunTask'],
        resources: [taskDefinition.taskDefinitionArn],
        conditions: { ArnEquals: { 'ecs:cluster': cluster.clusterArn } },
      }),
    );
    this.role.addToPolicy(
      new PolicyStatement({
        actions: ['iam:PassRole'],
        resources: [taskDefinition.taskRole.roleArn, taskDefinition.obtainExecutionRole().roleArn],
        conditions: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
      }),
    );
    const run = new CustomResource(this, id, {
      serviceToken: this.handler.functionArn,
      resourceType: 'Custom::RunTaskToCompletion',
      properties: {
        Cluster: cluster.clusterArn,
        TaskDefinition: taskDefinition.taskDefinitionArn,
        Subnets: vpc.selectSubnets(subnets).subnetIds,
        SecurityGroups: [securityGroup.securityGroupId],
      },
    });
    // The role's policy must exist before the handler first calls RunTask.
    run.node.addDependency(this.role);
    return run;
  }
}
