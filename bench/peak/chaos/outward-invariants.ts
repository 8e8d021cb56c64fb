import { messageIdFor } from '../../../activities/notifications/email-channel';
import type { PeakPlatform } from '../peak-platform';

const MAIL_DOMAIN = 'diskominfo.kalselprov.go.id';

interface LogEntry {
  kind: string;
  requestId?: string;
  outcome: string;
}

export interface OutwardCheck {
  /** Outward writes acted on more than once (the same requestId accepted twice by a simulator). */
  duplicates: string[];
  /** Notifications the webhook got that never arrived by mail. */
  mailsMissing: string[];
  notifications: number;
  /** Requests answered as idempotent replays: retries that reached a simulator and changed nothing. */
  replays: number;
}

async function acceptedLog(base: string): Promise<LogEntry[]> {
  const response = await fetch(`${base}/_log?outcome=accepted`);
  if (!response.ok) throw new Error(`${base}/_log answered ${response.status}`);
  return (await response.json()) as LogEntry[];
}

async function replayCount(base: string): Promise<number> {
  const response = await fetch(`${base}/_log?outcome=duplicate`);
  return response.ok ? ((await response.json()) as unknown[]).length : 0;
}

/**
 * What the simulators counted: no requestId acted on twice by any of them, and every notification
 * delivered by webhook also delivered by mail (the SMTP sink keys mail by Message-ID, derived from the
 * same requestId).
 */
export async function checkOutward(platform: PeakPlatform): Promise<OutwardCheck> {
  const sims = platform.simulators;
  const duplicates: string[] = [];
  let replays = 0;
  for (const [name, base] of Object.entries(sims)) {
    const seen = new Set<string>();
    for (const entry of await acceptedLog(base)) {
      if (!entry.requestId) continue;
      const key = `${entry.kind}:${entry.requestId}`;
      if (seen.has(key)) duplicates.push(`${name} ${key}`);
      seen.add(key);
    }
    replays += await replayCount(base);
  }
  const hooks = (await acceptedLog(sims.webhook))
    .map((entry) => entry.requestId)
    .filter((id): id is string => !!id);
  const bare = (id: string | undefined) => (id ?? '').replace(/^<|>$/g, '');
  const mails = new Set((await acceptedLog(sims.smtpApi)).map((entry) => bare(entry.requestId)));
  const mailsMissing = hooks.filter((requestId) => !mails.has(bare(messageIdFor(requestId, MAIL_DOMAIN))));
  return { duplicates, mailsMissing, notifications: hooks.length, replays };
}
