import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { type EnvironmentConfig } from './config/schema';
import { requireImageDigests } from './constructs/images/image-digests';
import featureFlags from './feature-flags.json';
import { ApiStack } from './stacks/api-stack';
import { DataStack } from './stacks/data-stack';
import { NetworkStack } from './stacks/network-stack';
import { ObservabilityStack } from './stacks/observability-stack';
import { SecretsStack } from './stacks/secrets-stack';
import { TemporalStack } from './stacks/temporal-stack';
import { WorkersStack } from './stacks/workers-stack';

/**
 * A CDK app with the feature flags recommended by the pinned aws-cdk-lib (the set `cdk init` would write into
 * cdk.json), frozen in feature-flags.json so an upgrade never flips one silently. Context from the CLI wins.
 */
export function saringApp(props: AppProps = {}): App {
  return new App({ ...props, context: { ...featureFlags, ...FLAG_OVERRIDES, ...props.context } });
}

const FLAG_OVERRIDES = {
  // Classic Export/Fn::ImportValue references: CloudFormation refuses to delete a producer (the Data stack
  // above all) while a consumer still uses its values, and cfn-lint understands them everywhere.
  '@aws-cdk/core:defaultCrossStackReferences': 'strong',
};

export interface SaringStacks {
  readonly data: DataStack;
  readonly network: NetworkStack;
  readonly secrets: SecretsStack;
  readonly temporal: TemporalStack;
  readonly workers: WorkersStack;
  readonly api: ApiStack;
  readonly observability: ObservabilityStack;
}

/** Builds every stack of one environment into the app and registers cdk-nag's AwsSolutions pack. */
export function buildSaring(app: App, config: EnvironmentConfig): SaringStacks {
  requireImageDigests(app, config.images.requireDigests);
  const data = new DataStack(app, { config });
  const network = new NetworkStack(app, { config, platformKey: data.platformKey });
  const secrets = new SecretsStack(app, { config, platformKey: data.platformKey });
  const temporal = new TemporalStack(app, {
    config,
    vpc: network.vpc,
    platformKey: data.platformKey,
    secrets,
  });
  const shared = {
    config,
    vpc: network.vpc,
    platformKey: data.platformKey,
    dataKey: data.dataKey,
    temporal: temporal.connection,
    appConfig: secrets.appConfig,
    codecKeys: secrets.codecKeys,
  };
  const workers = new WorkersStack(app, {
    ...shared,
    ledgerKey: data.ledgerKey,
    temporalCloudOps: secrets.temporalCloudOps,
  });
  const api = new ApiStack(app, {
    ...shared,
    accessLogsBucket: data.accessLogsBucket,
    vaultKey: data.vaultKey,
    ledgerKey: data.ledgerKey,
    temporalWebUi: temporal.selfHosted?.webUi,
  });
  const observability = new ObservabilityStack(app, {
    config,
    platformKey: data.platformKey,
    workerService: workers.worker.service,
    apiService: api.api.service,
    loadBalancer: api.loadBalancer,
    apiTargetGroup: api.apiTargetGroup,
  });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { data, network, secrets, temporal, workers, api, observability };
}
