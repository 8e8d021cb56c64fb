import { localActivitiesConfig, type LocalChannelUrls } from '../config/activities';
import { type S3Config } from '../config/s3';

/**
 * The document an engineer loads into the app config secret (`json` key; docs/platform-engineers.md, "Load the
 * app config"), for a stand-in S3 and partner channels. Fetch policy as in production: no local exceptions.
 */
export function appConfigStandIn(s3: S3Config, channels: LocalChannelUrls): Record<string, unknown> {
  const activities = localActivitiesConfig({
    s3,
    channels,
    objectLock: { mode: 'GOVERNANCE', retainDays: 1 },
  });
  return {
    activities: { ...activities, fetch: { ...activities.fetch, allowPrivateNetwork: false } },
    // What docs/platform-engineers.md tells engineers to put here today: paths of the officer directory and
    // reporter vault. Nothing in the read-only container provides them.
    api: { officersFile: '/tmp/saring/officers.json', reporterVaultFile: '/tmp/saring/reporter-vault.jsonl' },
  };
}
