import { type CfnResource, Duration, RemovalPolicy, Stack, type StackProps, Tags } from 'aws-cdk-lib';
import {
  BuildSpec,
  ComputeType,
  LinuxBuildImage,
  PipelineProject,
  type PipelineProjectProps,
} from 'aws-cdk-lib/aws-codebuild';
import { Artifact, Pipeline, PipelineType } from 'aws-cdk-lib/aws-codepipeline';
import {
  CodeBuildAction,
  CodeStarConnectionsSourceAction,
  ManualApprovalAction,
} from 'aws-cdk-lib/aws-codepipeline-actions';
import { Repository, TagMutability } from 'aws-cdk-lib/aws-ecr';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { type Construct } from 'constructs';
import { acknowledge, ignoreCfnLint, skipCheckov } from '../compliance';
import { loadEnvironmentConfig } from '../config/load';
import { IMAGE_DIGESTS_CONTEXT } from '../constructs/images/image-digests';
import { encryptedLogGroup } from '../constructs/encrypted-log-group';
import { TOOLCHAIN_VERSIONS } from '../../toolchain/versions';
import { type PipelineConfig } from './pipeline-config';

export interface PipelineStackProps extends StackProps {
  readonly config: PipelineConfig;
}

/** Written by the ImageDigests action, read by every deploy (image-digests.ts). */
const IMAGE_DIGESTS_FILE = 'image-digests.json';

/** Findings at these severities fail the image step (ECR basic scanning, on push). */
const BLOCKING_SEVERITIES = ['CRITICAL', 'HIGH'];

/**
 * The deployment pipeline, in code: source, then in parallel the checks (lint, typecheck, unit and infra tests,
 * which run cdk-nag, cfn-lint and checkov on every synthesized template), the image build with its vulnerability
 * scan and the resolution of third-party image tags to digests, then `cdk deploy` per environment in order, each
 * with those same digests, with a manual approval before prod. Deploys assume the target
 * account's CDK bootstrap roles (bootstrap them with `--trust <pipeline account>`).
 */
export class PipelineStack extends Stack {
  readonly pipeline: Pipeline;
  readonly scanRepository: Repository;

  constructor(scope: Construct, id: string, props: PipelineStackProps) {
    const { config } = props;
    super(scope, id, { ...props, env: { account: config.account, region: config.region } });
    Tags.of(this).add('Project', 'saring');
    Tags.of(this).add('Concern', 'pipeline');

    const key = new Key(this, 'Key', {
      alias: 'alias/saring-pipeline',
      description: 'Saring pipeline: artifacts, build logs, scan repository, approval topic',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    key.grantEncryptDecrypt(new ServicePrincipal(`logs.${this.region}.amazonaws.com`));

    const accessLogs = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      versioned: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(365), noncurrentVersionExpiration: Duration.days(30) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(accessLogs, {
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log target itself; logging it into itself would loop.',
    });
    skipCheckov(
      accessLogs,
      {
        id: 'CKV_AWS_18',
        reason: 'This is the access-log target itself; logging it into itself would loop.',
      },
      {
        id: 'CKV_AWS_145',
        reason: 'S3 server access log delivery only writes to SSE-S3 buckets, not SSE-KMS.',
      },
      { id: 'CKV_AWS_144', reason: 'Pipeline access logs stay in the tooling region; nothing to replicate.' },
      { id: 'CKV2_AWS_62', reason: 'No event notifications: access logs are read on demand.' },
    );
    const artifacts = new Bucket(this, 'Artifacts', {
      encryption: BucketEncryption.KMS,
      encryptionKey: key,
      bucketKeyEnabled: true,
      versioned: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'artifacts/',
      lifecycleRules: [{ expiration: Duration.days(90), noncurrentVersionExpiration: Duration.days(7) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    skipCheckov(
      artifacts,
      { id: 'CKV_AWS_144', reason: 'Build artifacts are rebuilt from source; no cross-region copy needed.' },
      {
        id: 'CKV2_AWS_62',
        reason: 'No event notifications: CodePipeline reads and writes its own artifacts.',
      },
    );

    this.scanRepository = new Repository(this, 'ScanRepository', {
      repositoryName: 'saring-app-scan',
      imageScanOnPush: true,
      imageTagMutability: TagMutability.IMMUTABLE,
      encryptionKey: key,
      lifecycleRules: [{ maxImageCount: 50 }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const projects: PipelineProject[] = [];
    const project = (
      id: string,
      description: string,
      commands: string[],
      extra: Partial<PipelineProjectProps> = {},
      artifactFiles: string[] = [],
    ) => {
      const logGroup = encryptedLogGroup(this, `${id}Logs`, {
        encryptionKey: key,
        retentionDays: config.logRetentionDays,
      });
      const p = new PipelineProject(this, id, {
        description,
        encryptionKey: key,
        environment: { buildImage: LinuxBuildImage.STANDARD_7_0, computeType: ComputeType.MEDIUM },
        logging: { cloudWatch: { logGroup } },
        timeout: Duration.minutes(60),
        buildSpec: BuildSpec.fromObject({
          version: '0.2',
          phases: {
            install: { 'runtime-versions': { nodejs: 20 }, commands: ['npm ci'] },
            build: { commands },
          },
          ...(artifactFiles.length > 0 ? { artifacts: { files: artifactFiles } } : {}),
        }),
        ...extra,
      });
      projects.push(p);
      return p;
    };

    const checks = project(
      'Checks',
      'Saring: lint, typecheck, unit and infra tests (cdk-nag, cfn-lint, checkov)',
      ['npm run toolchain', 'npm run lint', 'npm run typecheck', 'npx jest --selectProjects unit infra'],
    );

    const image = project(
      'Image',
      'Saring: build the app image and fail on its ECR scan findings',
      [
        'IMAGE="$REPOSITORY_URI:$CODEBUILD_RESOLVED_SOURCE_VERSION"',
        'aws ecr get-login-password | docker login --username AWS --password-stdin "${REPOSITORY_URI%%/*}"',
        'docker build --target runtime --platform linux/amd64 -t "$IMAGE" .',
        'docker push "$IMAGE"',
        'aws ecr wait image-scan-complete --repository-name "$REPOSITORY_NAME" --image-id imageTag="$CODEBUILD_RESOLVED_SOURCE_VERSION"',
        `COUNT=$(aws ecr describe-image-scan-findings --repository-name "$REPOSITORY_NAME" --image-id imageTag="$CODEBUILD_RESOLVED_SOURCE_VERSION" --query "length(imageScanFindings.findings[?contains(['${BLOCKING_SEVERITIES.join("','")}', severity)])" --output text)`,
        'echo "blocking findings: $COUNT"; test "$COUNT" = "0"',
      ],
      {
        environment: {
          buildImage: LinuxBuildImage.STANDARD_7_0,
          computeType: ComputeType.MEDIUM,
          // Docker builds need the daemon; the build runs only this repository's Dockerfile.
          privileged: true,
          environmentVariables: {
            REPOSITORY_URI: { value: this.scanRepository.repositoryUri },
            REPOSITORY_NAME: { value: this.scanRepository.repositoryName },
          },
        },
      },
    );
    this.scanRepository.grantPullPush(image);
    image.addToRolePolicy(
      new PolicyStatement({
        actions: ['ecr:DescribeImageScanFindings', 'ecr:DescribeImages'],
        resources: [this.scanRepository.repositoryArn],
      }),
    );
    acknowledge(image, {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'ecr:GetAuthorizationToken (docker login to the scan repository) supports no resource ARN.',
    });
    acknowledge(image, {
      id: 'AwsSolutions-CB3',
      reason:
        'Privileged mode runs the Docker daemon that builds this repository’s own Dockerfile; nothing else runs there.',
    });
    skipCheckov(image, {
      id: 'CKV_AWS_316',
      reason:
        'Privileged mode runs the Docker daemon that builds this repository’s own Dockerfile; nothing else runs there.',
    });

    // One resolution per pipeline run: every stage deploys the same digests, so prod runs what dev ran.
    const crane = TOOLCHAIN_VERSIONS.crane;
    const imageDigests = project(
      'ImageDigests',
      'Saring: resolve the pinned third-party image tags to digests for every stage',
      [
        `GOBIN="$PWD/.crane" CGO_ENABLED=0 go install ${crane.module}@${crane.version}`,
        `npm run images:resolve -- --crane "$PWD/.crane/crane" --environments ${config.stages.join(',')} --out ${IMAGE_DIGESTS_FILE}`,
      ],
      {},
      [IMAGE_DIGESTS_FILE],
    );
    const digestsArtifact = new Artifact('ImageDigests');

    const approvals = new Topic(this, 'Approvals', {
      displayName: 'Saring pipeline: approvals',
      masterKey: key,
      enforceSSL: true,
    });
    for (const email of config.approverEmails) approvals.addSubscription(new EmailSubscription(email));

    const source = new Artifact('Source');
    this.pipeline = new Pipeline(this, 'Pipeline', {
      pipelineName: 'saring',
      pipelineType: PipelineType.V2,
      artifactBucket: artifacts,
      restartExecutionOnUpdate: false,
    });
    ignoreCfnLint(this.pipeline, {
      id: 'W3005',
      reason:
        'CDK adds a DependsOn on the pipeline role next to the role GetAtt; the redundancy is harmless.',
    });
    this.pipeline.addStage({
      stageName: 'Source',
      actions: [
        new CodeStarConnectionsSourceAction({
          actionName: 'Source',
          connectionArn: config.source.connectionArn,
          owner: config.source.owner,
          repo: config.source.repository,
          branch: config.source.branch,
          output: source,
        }),
      ],
    });
    this.pipeline.addStage({
      stageName: 'Check',
      actions: [
        new CodeBuildAction({ actionName: 'Checks', project: checks, input: source }),
        new CodeBuildAction({ actionName: 'ImageScan', project: image, input: source }),
        new CodeBuildAction({
          actionName: 'ImageDigests',
          project: imageDigests,
          input: source,
          outputs: [digestsArtifact],
        }),
      ],
    });
    for (const name of config.stages) {
      const env = loadEnvironmentConfig({ environment: name });
      const deploy = project(`Deploy-${name}`, `Saring: cdk deploy ${name}`, [
        `npx cdk deploy --all --require-approval never -c saring:environment=${name} -c ${IMAGE_DIGESTS_CONTEXT}="$CODEBUILD_SRC_DIR_${digestsArtifact.artifactName}/${IMAGE_DIGESTS_FILE}"`,
      ]);
      // The target account's CDK bootstrap roles do the deployment (they trust this account).
      deploy.addToRolePolicy(
        new PolicyStatement({
          actions: ['sts:AssumeRole'],
          resources: [
            `arn:${this.partition}:iam::${env.account}:role/cdk-hnb659fds-*-role-${env.account}-${env.region}`,
          ],
        }),
      );
      const actions = [];
      if (config.approvalBefore.includes(name)) {
        actions.push(
          new ManualApprovalAction({
            actionName: `Approve-${name}`,
            notificationTopic: approvals,
            additionalInformation: `Deploy to ${name} (account ${env.account}) after reviewing the dev deployment.`,
            runOrder: 1,
          }),
        );
      }
      actions.push(
        new CodeBuildAction({
          actionName: `Deploy-${name}`,
          project: deploy,
          input: source,
          extraInputs: [digestsArtifact],
          runOrder: actions.length + 1,
        }),
      );
      this.pipeline.addStage({ stageName: `Deploy-${name}`, actions });
    }
    this.acknowledgeGeneratedGrants(projects, config);
  }

  /**
   * The wildcards CDK's own grants write (object and key actions on this pipeline's bucket and key, each
   * project's log group and report groups) and the target accounts' bootstrap roles (their names end in the
   * qualifier and purpose, which `cdk deploy` picks).
   */
  private acknowledgeGeneratedGrants(projects: PipelineProject[], config: PipelineConfig): void {
    const reason =
      'Generated by CDK grants and scoped to this pipeline: its artifact bucket, its key, each project’s own log group and report groups.';
    const generated = [
      'Action::kms:GenerateDataKey*',
      'Action::kms:ReEncrypt*',
      'Action::s3:Abort*',
      'Action::s3:DeleteObject*',
      'Action::s3:GetBucket*',
      'Action::s3:GetObject*',
      'Action::s3:List*',
      `Resource::<${this.getLogicalId(this.node.findChild('Artifacts').node.defaultChild as CfnResource)}.Arn>/*`,
      ...projects.flatMap((p) => {
        const id = this.getLogicalId(p.node.defaultChild as CfnResource);
        return [
          `Resource::arn:aws:codebuild:${this.region}:${this.account}:report-group/<${id}>-*`,
          `Resource::arn:aws:logs:${this.region}:${this.account}:log-group:/aws/codebuild/<${id}>:*`,
        ];
      }),
    ];
    acknowledge(this, ...generated.map((finding) => ({ id: `AwsSolutions-IAM5[${finding}]`, reason })));
    for (const name of config.stages) {
      const env = loadEnvironmentConfig({ environment: name });
      acknowledge(this, {
        id: `AwsSolutions-IAM5[Resource::arn:aws:iam::${env.account}:role/cdk-hnb659fds-*-role-${env.account}-${env.region}]`,
        reason: `The ${name} account's CDK bootstrap roles (deploy, file and image publishing, lookup): cdk deploy picks among them.`,
      });
    }
  }
}
