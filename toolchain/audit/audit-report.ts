import { z } from 'zod';

/**
 * `npm audit --json` (report version 2) and the reviewed allowlist: which advisories on production
 * dependencies nobody has reviewed yet. An advisory is named by its GHSA id (the last part of its URL).
 */
const Via = z.union([
  z.string(),
  z.object({
    source: z.union([z.number(), z.string()]),
    name: z.string(),
    title: z.string(),
    url: z.string(),
    severity: z.string(),
    range: z.string().optional(),
  }),
]);

export const AuditReport = z.object({
  auditReportVersion: z.literal(2),
  vulnerabilities: z.record(
    z.string(),
    z.object({ name: z.string(), severity: z.string(), via: z.array(Via) }),
  ),
});
export type AuditReport = z.infer<typeof AuditReport>;

/** npm's own failure (`npm audit --json` exit 1 with `message`/`statusCode`), e.g. the endpoint refused. */
export const AuditFailure = z.object({ message: z.string(), statusCode: z.number().optional() });

export const AuditAllowlist = z.strictObject({
  advisories: z.array(
    z.strictObject({
      id: z.string().regex(/^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/, 'a GHSA id, e.g. GHSA-xxxx-xxxx-xxxx'),
      package: z.string().min(1),
      reason: z.string().min(20, 'say why this advisory does not affect Saring (20 characters at least)'),
      reviewedBy: z.string().min(1),
      /** Review again by then (YYYY-MM-DD); after it the entry no longer counts. */
      reviewAgainBy: z.iso.date(),
    }),
  ),
});
export type AuditAllowlist = z.infer<typeof AuditAllowlist>;

export interface Finding {
  id: string;
  package: string;
  severity: string;
  title: string;
  url: string;
}

export function findings(report: AuditReport): Finding[] {
  const byId = new Map<string, Finding>();
  for (const vulnerability of Object.values(report.vulnerabilities)) {
    for (const via of vulnerability.via) {
      // A string `via` names another vulnerable package whose own entry carries the advisory.
      if (typeof via === 'string') continue;
      const id = via.url.split('/').pop() ?? String(via.source);
      byId.set(`${id} ${via.name}`, {
        id,
        package: via.name,
        severity: via.severity,
        title: via.title,
        url: via.url,
      });
    }
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** Findings no current allowlist entry covers (same id and package, review date not passed). */
export function unreviewed(found: Finding[], allowlist: AuditAllowlist, today: string): Finding[] {
  return found.filter(
    (finding) =>
      !allowlist.advisories.some(
        (entry) =>
          entry.id === finding.id && entry.package === finding.package && entry.reviewAgainBy >= today,
      ),
  );
}
