import type { PayloadCodec } from '@temporalio/common';
import type { CaseAuditReader } from '../audit/case-audit-reader';
import type { CaseClient } from '../cases/case-client';
import type { AccessAudit } from './access-audit';
import type { OidcAuthConfig } from './auth-config';
import type { ReporterVault } from './reporter-vault';
import type { ReportReader } from '../reports/report-reader';
import type { TokenVerifier } from './token-verifier';

/** What the routes work with; tests and main.ts build it, routes never reach for globals. */
export interface ApiDeps {
  cases: CaseClient;
  /** Checks access tokens and says who the caller is (api/token-verifier.ts). */
  officers: TokenVerifier;
  /** The issuer and clients the console and CLI sign in with (GET /api/auth/config). */
  auth: OidcAuthConfig;
  /** Who read or exported what, and refused sign-ins (api/access-audit.ts). */
  audit: AccessAudit;
  vault: ReporterVault;
  /** The Temporal payload codec (config/codec.ts), served to the Web UI and CLI by the codec routes. */
  payloadCodec: PayloadCodec;
  /** The audit archive, verified and replayed for auditors (api/routes/archive-audit-routes.ts); absent: 503. */
  caseAudit?: CaseAuditReader;
  /** The unit's reports and transparency exports, read from the audit bucket (reports/report-reader.ts). */
  reports: ReportReader;
}
