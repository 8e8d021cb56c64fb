import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { WorkflowBundleOption } from '@temporalio/worker';
import { version } from '../package.json';

/**
 * The build id a case worker reports with every workflow task, `saring@<version>+<16 hex of the
 * bundle's sha256>`: which release ran a step, readable in the history, and still unique to the
 * bundled workflow code like the SDK's default. The default (`@temporalio/worker@<sdk version>+<64 hex>`)
 * names the SDK instead of the release and costs about 65 more bytes in the two events of every
 * workflow task, in every history, forever. Informational only: the worker does not opt into versioning.
 */
export function caseWorkerBuildId(bundle: WorkflowBundleOption): string {
  const code = 'code' in bundle ? bundle.code : fs.readFileSync(bundle.codePath, 'utf8');
  return `saring@${version}+${createHash('sha256').update(code).digest('hex').slice(0, 16)}`;
}

/** The fetcher runs no workflow code: its build id is the release alone. */
export const fetcherWorkerBuildId = (): string => `saring@${version}`;
