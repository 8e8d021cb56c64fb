import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import { CfnPullThroughCacheRule, Repository } from 'aws-cdk-lib/aws-ecr';
import {
  type ContainerDefinition,
  type ContainerImageConfig,
  ContainerImage,
  EcrImage,
} from 'aws-cdk-lib/aws-ecs';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledge, skipCheckov } from '../../compliance';
import { digestFor } from './image-digests';
import { type PinnedImage, UPSTREAM_REGISTRIES } from './pinned-images';

export interface PullThroughCacheProps {
  readonly envName: string;
}

/**
 * This account's ECR pull-through cache rules: Docker Hub (authenticated, so no anonymous rate limit; the access
 * token is loaded into the secret by an engineer) and ECR Public. Tasks then pull `<account>.dkr.ecr…/<prefix>/…`
 * from ECR inside AWS; ECR fetches from upstream once per digest.
 */
export class PullThroughCache extends Construct {
  readonly dockerHubCredential: Secret;

  constructor(scope: Construct, id: string, props: PullThroughCacheProps) {
    super(scope, id);
    // ECR reads only secrets named ecr-pullthroughcache/…, with the fields username and accessToken.
    this.dockerHubCredential = new Secret(this, 'DockerHubCredential', {
      secretName: `ecr-pullthroughcache/saring-${props.envName}-docker-hub`,
      description: `Saring ${props.envName}: Docker Hub username and access token (read-only, public repositories) for the ECR pull-through cache`,
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ username: 'REPLACE_ME' }),
        generateStringKey: 'accessToken',
      },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(this.dockerHubCredential, {
      id: 'AwsSolutions-SMG4',
      reason:
        'A Docker Hub access token is issued by Docker Hub, not rotatable by a Lambda; it is replaced by the runbook in docs/platform-engineers.md.',
    });
    skipCheckov(this.dockerHubCredential, {
      id: 'CKV_AWS_149',
      reason:
        'The ECR pull-through cache reads its upstream credential as the ECR service; the AWS managed key is the documented setup. It guards a read-only public-pull token.',
    });
    for (const [prefix, registry] of Object.entries(UPSTREAM_REGISTRIES)) {
      new CfnPullThroughCacheRule(this, `Rule-${prefix}`, {
        ecrRepositoryPrefix: prefix,
        upstreamRegistry: prefix,
        upstreamRegistryUrl: registry.upstreamRegistryUrl,
        credentialArn: registry.needsCredential ? this.dockerHubCredential.secretArn : undefined,
      });
    }
  }
}

/**
 * An image served by the pull-through cache. Besides pulling, the task's execution role may import the upstream
 * image and create its cache repository: the first task to need an image does both.
 */
class PullThroughCacheImage extends ContainerImage {
  readonly imageName: string;
  private readonly inner: EcrImage;

  constructor(
    private readonly repositoryArn: string,
    inner: EcrImage,
  ) {
    super();
    this.inner = inner;
    this.imageName = inner.imageName;
  }

  override bind(scope: Construct, container: ContainerDefinition): ContainerImageConfig {
    const config = this.inner.bind(scope, container);
    container.taskDefinition.obtainExecutionRole().addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['ecr:BatchImportUpstreamImage', 'ecr:CreateRepository'],
        resources: [this.repositoryArn],
      }),
    );
    acknowledge(container.taskDefinition, {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'ecr:GetAuthorizationToken (pulling from the pull-through cache) supports no resource ARN; the pull and import actions are scoped to the cached repository.',
    });
    return config;
  }
}

/** The pinned image, as a container image pulled through this account's cache (by digest when known or resolved). */
export function cachedImage(scope: Construct, id: string, image: PinnedImage): ContainerImage {
  const repositoryName = `${image.prefix}/${image.repository}`;
  const repository = Repository.fromRepositoryName(scope, id, repositoryName);
  const repositoryArn = Stack.of(scope).formatArn({
    service: 'ecr',
    resource: 'repository',
    resourceName: repositoryName,
  });
  return new PullThroughCacheImage(
    repositoryArn,
    new EcrImage(repository, digestFor(scope, image) ?? image.tag),
  );
}
