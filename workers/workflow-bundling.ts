/**
 * The bundler options every case worker uses, bundling at start or ahead of time. Preloading
 * workflows/shared-schemas evaluates domain/ and zod once per V8 context instead of once per cached
 * workflow (why, and what it saves: that module's comment and docs/performance.md);
 * workflows/lean-stack-traces turns off stack frames in workflow errors, which the SDK's per-promise
 * bookkeeping paid for (its comment). Preloaded modules run before the SDK freezes the context's globals.
 */
export const CASE_WORKFLOWS_PATH = require.resolve('../workflows');

export const SHARED_WORKFLOW_MODULES: readonly string[] = [
  require.resolve('../workflows/lean-stack-traces'),
  require.resolve('../workflows/shared-schemas'),
];

export const caseBundlerOptions = () => ({ preloadModules: [...SHARED_WORKFLOW_MODULES] });
