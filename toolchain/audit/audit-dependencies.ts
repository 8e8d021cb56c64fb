/**
 * `npm run audit`: `npm audit --omit=dev` against the registry, compared with the reviewed allowlist
 * (toolchain/audit/audit-allowlist.json). Exit 0: no unreviewed advisory; 1: unreviewed advisories
 * (listed, with what to do); 2: the audit endpoint could not be asked, so nothing is vouched for.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AuditAllowlist, AuditFailure, AuditReport, findings, unreviewed } from './audit-report';

const ALLOWLIST = path.join(__dirname, 'audit-allowlist.json');

function main(): number {
  const allowlist = AuditAllowlist.safeParse(JSON.parse(fs.readFileSync(ALLOWLIST, 'utf8')));
  if (!allowlist.success) {
    console.error(
      `audit: ${ALLOWLIST} is invalid: ${allowlist.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
    return 1;
  }
  console.log('audit: asking the registry about production dependencies (npm audit --omit=dev)…');
  const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 120_000 });
  let json: unknown;
  try {
    json = JSON.parse(run.stdout);
  } catch {
    console.error(`audit: npm audit gave no JSON (exit ${run.status}): ${run.stderr.trim().slice(0, 500)}`);
    return 2;
  }
  const report = AuditReport.safeParse(json);
  if (!report.success) {
    const failure = AuditFailure.safeParse(json);
    console.error(
      `audit: NOT DONE: the registry's audit endpoint did not answer (${failure.success ? failure.data.message : 'unknown reply'}).\n` +
        'Nothing is vouched for. Run `npm run audit` where the registry allows POST /-/npm/v1/security/advisories/bulk.',
    );
    return 2;
  }
  const found = findings(report.data);
  const today = new Date().toISOString().slice(0, 10);
  const open = unreviewed(found, allowlist.data, today);
  console.log(
    `audit: ${found.length} advisories on production dependencies, ${found.length - open.length} reviewed`,
  );
  for (const finding of open)
    console.error(
      `  UNREVIEWED ${finding.id} ${finding.package} (${finding.severity}): ${finding.title} ${finding.url}`,
    );
  if (open.length > 0) {
    console.error(
      'audit: upgrade the package (npm i -E), or add a reviewed entry with the reason it does not affect Saring to ' +
        path.relative(process.cwd(), ALLOWLIST),
    );
    return 1;
  }
  return 0;
}

process.exit(main());
