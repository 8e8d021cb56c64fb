import { AuditAllowlist, AuditReport, findings, unreviewed } from '../../../toolchain/audit/audit-report';

/** The shape `npm audit --json` prints (report version 2), trimmed to two advisories. */
const REPORT = AuditReport.parse({
  auditReportVersion: 2,
  vulnerabilities: {
    undici: {
      name: 'undici',
      severity: 'moderate',
      via: [
        {
          source: 1101610,
          name: 'undici',
          title: 'Unbounded decompression chain',
          url: 'https://github.com/advisories/GHSA-g9mf-h72j-4rw9',
          severity: 'moderate',
          range: '<6.23.0',
        },
      ],
    },
    fastify: { name: 'fastify', severity: 'high', via: ['find-my-way'] },
    'find-my-way': {
      name: 'find-my-way',
      severity: 'high',
      via: [
        {
          source: 1099999,
          name: 'find-my-way',
          title: 'ReDoS in route params',
          url: 'https://github.com/advisories/GHSA-rrr8-f88r-h8q6',
          severity: 'high',
        },
      ],
    },
  },
});

const entry = {
  id: 'GHSA-g9mf-h72j-4rw9',
  package: 'undici',
  reason: 'we never set a decompressing interceptor; bodies are read capped',
  reviewedBy: 'platform team',
  reviewAgainBy: '2027-01-31',
};

describe('npm audit against the reviewed allowlist', () => {
  it('names each advisory once by its GHSA id, following transitive entries to their source', () => {
    expect(findings(REPORT).map((f) => `${f.id} ${f.package} ${f.severity}`)).toEqual([
      'GHSA-g9mf-h72j-4rw9 undici moderate',
      'GHSA-rrr8-f88r-h8q6 find-my-way high',
    ]);
  });

  it('fails on advisories nobody reviewed, and on reviews past their date', () => {
    const allowlist = AuditAllowlist.parse({ advisories: [entry] });
    expect(unreviewed(findings(REPORT), allowlist, '2026-11-30').map((f) => f.id)).toEqual([
      'GHSA-rrr8-f88r-h8q6',
    ]);
    expect(unreviewed(findings(REPORT), allowlist, '2027-02-01').map((f) => f.id)).toEqual([
      'GHSA-g9mf-h72j-4rw9',
      'GHSA-rrr8-f88r-h8q6',
    ]);
  });

  it('refuses an allowlist entry without a real reason or id', () => {
    const bad = AuditAllowlist.safeParse({ advisories: [{ ...entry, id: 'CVE-1', reason: 'fine' }] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'advisories.0.id',
      'advisories.0.reason',
    ]);
  });
});
