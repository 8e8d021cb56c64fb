import { DefaultLogger, Runtime } from '@temporalio/worker';

// Node 20 is fixed for Saring; the SDK's notice about its future Node 22 requirement is known.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

// Worker state changes at INFO drown test output; keep warnings and errors.
try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // Already installed in this jest worker process by an earlier test file.
}
