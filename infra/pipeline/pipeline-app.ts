import { type App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { pipeline, PipelineConfig } from './pipeline-config';
import { PipelineStack } from './pipeline-stack';
import { saringApp } from '../saring';

/** The pipeline app: one stack in the tooling account, checked by cdk-nag like the estate. */
export function buildPipelineApp(props: AppProps = {}): { app: App; stack: PipelineStack } {
  // The estate's frozen feature flags, so both apps synthesize with the same CDK behaviour.
  const app = saringApp(props);
  const stack = new PipelineStack(app, 'Saring-Pipeline', {
    stackName: 'saring-pipeline',
    config: PipelineConfig.parse(pipeline),
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, stack };
}

// `npx cdk synth --app "npx tsx infra/pipeline/pipeline-app.ts"`
if (require.main === module) buildPipelineApp().app.synth();
