import type { PayloadCodec } from '@temporalio/common';
import type { CaseClient } from '../cases/case-client';
import type { OfficerDirectory } from './officer-directory';
import type { ReporterVault } from './reporter-vault';

/** What the routes work with; tests and main.ts build it, routes never reach for globals. */
export interface ApiDeps {
  cases: CaseClient;
  officers: OfficerDirectory;
  vault: ReporterVault;
  /** The Temporal payload codec (config/codec.ts), served to the Web UI and CLI by the codec routes. */
  payloadCodec: PayloadCodec;
}
