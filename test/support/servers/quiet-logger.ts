/** A logger for bundleWorkflowCode that keeps errors and drops webpack's progress chatter. */
export const quietLogger = { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} };
