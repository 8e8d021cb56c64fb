import { DefaultLogger, Runtime } from '@temporalio/worker';

// The simulator drives failing activities on purpose (bad input, outages): keep only errors.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
try {
  Runtime.install({
    logger: new DefaultLogger((process.env.SARING_SIM_LOG_LEVEL as 'WARN' | undefined) ?? 'ERROR'),
  });
} catch {
  // Already installed in this jest worker process by an earlier test file.
}
