import type { CaseService } from './case-service';
import type { OfficerDirectory } from './officer-directory';
import type { RateLimiter } from './rate-limit';
import type { ReporterVault } from './reporter-vault';

/** What the routes work with; tests and main.ts build it, routes never reach for globals. */
export interface ApiDeps {
  cases: CaseService;
  officers: OfficerDirectory;
  vault: ReporterVault;
  /** Limits unauthenticated public complaints per client address. */
  publicLimiter: RateLimiter;
}
