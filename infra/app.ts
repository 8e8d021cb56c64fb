import { CONTEXT_KEYS, loadEnvironmentConfig } from './config/load';
import { buildSaring, saringApp } from './saring';

// Select with context: `npx cdk synth -c saring:environment=prod [-c saring:temporalMode=cloud]`.
const app = saringApp();
const environment: unknown = app.node.tryGetContext(CONTEXT_KEYS.environment);
const temporalMode: unknown = app.node.tryGetContext(CONTEXT_KEYS.temporalMode);
buildSaring(
  app,
  loadEnvironmentConfig({
    environment: typeof environment === 'string' ? environment : 'dev',
    temporalMode: typeof temporalMode === 'string' ? temporalMode : undefined,
  }),
);
app.synth();
