/**
 * Preloaded first into each workflow V8 context (workers/workflow-bundling.ts), before the SDK freezes
 * its globals: errors created in workflow code capture no stack frames.
 *
 * Why: the SDK records where every promise of a workflow was created, for its stack-trace query. For
 * each promise it builds an Error in the workflow's context and reads `.stack`, which maps every frame
 * through the bundle's source map. Case workflows create promises for every signal, update, timer and
 * activity, so that bookkeeping was about 40 % of the CPU of replaying a case (the recorded histories:
 * 129 ms a run with frames, 77 ms without) and half of a 4,000-signal activation (2.3 s against 1.1 s).
 * With the limit at 0 each of those Errors is nearly free.
 *
 * The price: errors thrown in the worker's workflow code carry their message, not where they were thrown,
 * and the Temporal UI's "Stack Trace" tab is empty for cases. To see where a workflow error came from,
 * replay the case's history with `saring audit replay`, which bundles the workflows without this module
 * (docs/platform-engineers.md, "A case stuck on a failing workflow task").
 */
Error.stackTraceLimit = 0;

export {};
